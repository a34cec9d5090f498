package vn.motcua.stats.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the dashboard page (bảng điều khiển, served at {@code /}) needs to know from the deployment: where
 * deadline-service's live alerts (SSE) and overdue list are. The page asks this on load, so one build runs
 * on a laptop, in devstack and behind a real host name.
 */
@Path("/api/dashboard/config")
public class DashboardConfigResource {

    /** The answer: deadline-service's base URL, without a trailing slash. */
    public record DashboardConfig(String alertsBaseUrl) {
    }

    private final DashboardConfig config;

    DashboardConfigResource(
            @ConfigProperty(name = "motcua.dashboard.alerts-base-url", defaultValue = "http://localhost:8082")
            String alertsBaseUrl) {
        this.config = new DashboardConfig(alertsBaseUrl.replaceAll("/+$", ""));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardConfig get() {
        return config;
    }
}
