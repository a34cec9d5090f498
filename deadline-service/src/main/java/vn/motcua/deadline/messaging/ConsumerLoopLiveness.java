package vn.motcua.deadline.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import vn.motcua.config.ConsumerSettings;
import vn.motcua.kafka.ConsumerLoopHealth;

import java.time.Duration;

/**
 * One liveness check per consumer loop, named as its readiness check: DOWN when the loop's thread died or no poll
 * returned for {@code motcua.consumer.max-silence}. A restart is the only cure for either; Kafka or the database
 * being away is not one of them (the loop keeps polling through both).
 */
@Singleton
public class ConsumerLoopLiveness {

    private final Duration maxSilence;

    public ConsumerLoopLiveness(ConsumerSettings settings) {
        this.maxSilence = settings.maxSilence();
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck dossierEvents(DossierEventsConsumer consumer) {
        return () -> ConsumerLoopHealth.liveness(DossierEventsConsumerReadiness.NAME, consumer.loop(), maxSilence);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck catalogue(CatalogueConsumer consumer) {
        return () -> ConsumerLoopHealth.liveness(CatalogueConsumerReadiness.NAME, consumer.loop(), maxSilence);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck alertStream(AlertStreamConsumer consumer) {
        return () -> ConsumerLoopHealth.liveness(AlertStreamConsumerReadiness.NAME, consumer.loop(), maxSilence);
    }
}
