package vn.motcua.stats.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.motcua.stats.config.DashboardConfig;

/**
 * What the dashboard page (bảng điều khiển, served at {@code /}) needs to know from the deployment: where
 * deadline-service's live alerts (SSE) and overdue list are, and where citizens look up a dossier (intake-service's
 * status page). The page asks this on load, so one build runs on a laptop, in devstack and behind a real host name.
 */
@Path("/api/dashboard/config")
public class DashboardConfigResource {

    /** The answer: deadline-service's base URL, without a trailing slash; intake's status page for citizens. */
    public record PageConfig(String alertsBaseUrl, String citizenPageUrl) {
    }

    private final PageConfig config;

    DashboardConfigResource(DashboardConfig config) {
        this.config = new PageConfig(config.alertsBaseUrl().replaceAll("/+$", ""), config.citizenPageUrl());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PageConfig get() {
        return config;
    }
}
