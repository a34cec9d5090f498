package vn.motcua.deadline.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.motcua.kafka.ConsumerLoopHealth;

/**
 * Ready while the catalogue consumer runs: without it new and moved units never reach the ?unit= filters.
 * {@code caughtUp} says whether it has read its partitions of the topic to the end.
 */
@Readiness
@Singleton
public class CatalogueConsumerReadiness implements HealthCheck {

    public static final String NAME = "deadline-service catalogue consumer";

    private final CatalogueConsumer consumer;

    public CatalogueConsumerReadiness(CatalogueConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return ConsumerLoopHealth.readiness(NAME, consumer.loop());
    }
}
