package vn.motcua.intake.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.motcua.kafka.ConsumerLoopHealth;

/**
 * UP while this instance's catalogue loop runs: if it died, another instance's calendar change would never reach the
 * due dates computed here. It does not ask for the broker: the catalogue and calendar in force were read from the
 * database at startup, and a change made while Kafka is away reaches no instance until it returns, ready or not; a
 * Kafka outage must not stop intake taking dossiers. {@code caughtUp} says whether the topic is read to its end.
 */
@Readiness
@Singleton
public class CatalogueConsumerReadiness implements HealthCheck {

    public static final String NAME = "intake-service catalogue consumer";

    private final CatalogueConsumer consumer;

    CatalogueConsumerReadiness(CatalogueConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return ConsumerLoopHealth.readiness(NAME, consumer.loop());
    }
}
