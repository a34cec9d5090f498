package vn.motcua.deadline.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.motcua.kafka.ConsumerLoopHealth;

/** Ready while the deadline-alerts reader of the SSE streams runs: without it every stream falls silent. */
@Readiness
@Singleton
public class AlertStreamConsumerReadiness implements HealthCheck {

    public static final String NAME = "deadline-service alert stream feed";

    private final AlertStreamConsumer consumer;

    public AlertStreamConsumerReadiness(AlertStreamConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return ConsumerLoopHealth.readiness(NAME, consumer.loop());
    }
}
