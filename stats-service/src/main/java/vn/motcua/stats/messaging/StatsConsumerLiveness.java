package vn.motcua.stats.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import vn.motcua.config.ConsumerSettings;
import vn.motcua.kafka.ConsumerLoopHealth;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.stats.app.GenerationFollower;
import vn.motcua.stats.config.StatsConfig;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One liveness check per consumer loop: DOWN when its thread died or no poll has returned for
 * {@code motcua.consumer.max-silence}, stuck in a call; only a restart brings the totals or the unit tree forward
 * then. A broker or a database being away does not count: the loop keeps polling through both. The loops of a
 * rebuild from the topics have theirs (UP while nothing is being built), and so has the timer that follows the
 * generations: a rebuild is never served by an instance whose timer stopped.
 */
@Singleton
public class StatsConsumerLiveness {

    public static final String TOTALS = "stats-service dossier-events and alerts consumer";
    public static final String CATALOGUE = "stats-service catalogue consumer";
    public static final String TOTALS_BUILDING = "stats-service rebuild: dossier-events and alerts consumer";
    public static final String CATALOGUE_BUILDING = "stats-service rebuild: catalogue consumer";
    public static final String FOLLOWER = "stats-service generation follower";

    private final Duration maxSilence;
    /** The timer's: the loops' allowance, or three of its periods if that is longer. */
    private final Duration followerSilence;

    StatsConsumerLiveness(ConsumerSettings config, StatsConfig stats) {
        this.maxSilence = config.maxSilence();
        Duration threePeriods = stats.generationCheckEvery().multipliedBy(3);
        this.followerSilence = threePeriods.compareTo(maxSilence) > 0 ? threePeriods : maxSilence;
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

    @Produces
    @Liveness
    @Singleton
    HealthCheck buildingTotalsLoop(StatsConsumer consumer) {
        return whileBuilding(TOTALS_BUILDING, consumer::buildingTotalsLoop);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck buildingCatalogueLoop(StatsConsumer consumer) {
        return whileBuilding(CATALOGUE_BUILDING, consumer::buildingCatalogueLoop);
    }

    @Produces
    @Liveness
    @Singleton
    HealthCheck follower(GenerationFollower follower) {
        return () -> {
            long silent = follower.millisSinceFollow();
            return HealthCheckResponse.named(FOLLOWER).status(silent <= followerSilence.toMillis())
                    .withData("millisSinceLastRun", silent).withData("maxSilenceMillis", followerSilence.toMillis())
                    .build();
        };
    }

    private HealthCheck whileBuilding(String name, Supplier<EventConsumerLoop> loop) {
        return () -> {
            EventConsumerLoop running = loop.get();
            return running == null ? HealthCheckResponse.named(name).up().withData("building", false).build()
                    : ConsumerLoopHealth.liveness(name, running, maxSilence);
        };
    }
}
