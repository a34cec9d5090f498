package vn.motcua.deadline.config;

import io.smallrye.config.ConfigMapping;
import vn.motcua.deadline.domain.DashboardOrigins;

import java.util.List;

/** The dashboards (stats-service's page) that read the alert stream and overdue list from a browser. */
@ConfigMapping(prefix = "motcua.dashboard")
public interface DashboardSettings {

    /** Origins such as {@code http://localhost:8083}: CORS with credentials, and where login may return to. */
    List<String> origins();

    default DashboardOrigins allowed() {
        return DashboardOrigins.of(origins());
    }
}
