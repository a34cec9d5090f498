package vn.motcua.stats.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import vn.motcua.events.kafka.ConsumerLoopHealth;
import vn.motcua.stats.config.ConsumerLoopConfig;

import java.time.Duration;

/**
 * One liveness check per consumer loop: DOWN when its thread died or no poll has returned for
 * {@code motcua.consumer.max-silence}, stuck in a call; only a restart brings the totals or the unit tree forward
 * then. A broker or a database being away does not count: the loop keeps polling through both.
 */
@Singleton
public class StatsConsumerLiveness {

    public static final String TOTALS = "stats-service dossier-events and alerts consumer";
    public static final String CATALOGUE = "stats-service catalogue consumer";

    private final Duration maxSilence;

    StatsConsumerLiveness(ConsumerLoopConfig config) {
        this.maxSilence = config.maxSilence();
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck totalsLoop(StatsConsumer consumer) {
        return () -> ConsumerLoopHealth.liveness(TOTALS, consumer.totalsLoop(), maxSilence);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck catalogueLoop(StatsConsumer consumer) {
        return () -> ConsumerLoopHealth.liveness(CATALOGUE, consumer.catalogueLoop(), maxSilence);
    }
}
