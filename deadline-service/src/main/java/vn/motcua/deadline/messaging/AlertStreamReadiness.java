package vn.motcua.deadline.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.motcua.kafka.ConsumerLoopHealth;

/** Ready while the deadline-alerts reader of the SSE streams runs: without it every stream falls silent. */
@Readiness
@Singleton
public class AlertStreamReadiness implements HealthCheck {

    public static final String NAME = "deadline-service alert stream feed";

    private final AlertStreamFeed feed;

    public AlertStreamReadiness(AlertStreamFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return ConsumerLoopHealth.readiness(NAME, feed.loop());
    }
}
