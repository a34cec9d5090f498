package vn.motcua.deadline.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the deadline-alerts reader of the SSE streams runs: without it every stream falls silent. */
@Readiness
@Singleton
public class AlertStreamReadiness implements HealthCheck {

    private final AlertStreamFeed feed;

    public AlertStreamReadiness(AlertStreamFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return LoopHealth.of("deadline-service alert stream feed", feed.loop());
    }
}
