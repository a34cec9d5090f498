package vn.motcua.deadline.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import vn.motcua.deadline.config.EngineSettings;
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

    public ConsumerLoopLiveness(EngineSettings settings) {
        this.maxSilence = settings.consumer().maxSilence();
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck dossierEvents(DeadlineEngineService engine) {
        return () -> ConsumerLoopHealth.liveness(DeadlineEngineReadiness.NAME, engine.consumer(), maxSilence);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck catalogue(CatalogueFeed feed) {
        return () -> ConsumerLoopHealth.liveness(CatalogueReadiness.NAME, feed.loop(), maxSilence);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck alertStream(AlertStreamFeed feed) {
        return () -> ConsumerLoopHealth.liveness(AlertStreamReadiness.NAME, feed.loop(), maxSilence);
    }
}
