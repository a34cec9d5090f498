package vn.motcua.stats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code motcua.dashboard.*}: what the dashboard page learns from the deployment. */
@ConfigMapping(prefix = "motcua.dashboard")
public interface DashboardConfig {

    /** deadline-service's base URL, where the page reads live alerts (SSE) and the overdue list. */
    @WithDefault("http://localhost:8082")
    String alertsBaseUrl();

    /** intake-service's status page for citizens (tra cứu hồ sơ) as the public reaches it; the page links to it. */
    @WithDefault("http://localhost:8081/tra-cuu")
    String citizenPageUrl();
}
