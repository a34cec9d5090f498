package vn.motcua.intake.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import vn.motcua.config.ConsumerSettings;
import vn.motcua.kafka.ConsumerLoopHealth;

import java.time.Duration;

/**
 * DOWN when the catalogue loop's thread died or no poll returned for {@code motcua.consumer.max-silence}: only a
 * restart brings it back. Kafka being away does not count: the loop keeps polling through an outage.
 */
@Liveness
@Singleton
public class CatalogueConsumerLiveness implements HealthCheck {

    private final CatalogueConsumer consumer;
    private final Duration maxSilence;

    CatalogueConsumerLiveness(CatalogueConsumer consumer, ConsumerSettings config) {
        this.consumer = consumer;
        this.maxSilence = config.maxSilence();
    }

    @Override
    public HealthCheckResponse call() {
        return ConsumerLoopHealth.liveness(CatalogueConsumerReadiness.NAME, consumer.loop(), maxSilence);
    }
}
