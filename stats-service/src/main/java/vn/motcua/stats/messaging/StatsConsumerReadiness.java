package vn.motcua.stats.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while both consumer loops run and once the catalogue has been read to its end since the start: before
 * that, a report for a unit would miss the wards not read yet, or answer 400 for a unit not read yet.
 */
@Readiness
@Singleton
public class StatsConsumerReadiness implements HealthCheck {

    public static final String NAME = "stats-service consumers";

    private final StatsConsumer consumer;

    public StatsConsumerReadiness(StatsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = consumer.catalogueLoaded();
        return HealthCheckResponse.named(NAME)
                .status(consumer.isConsuming() && loaded)
                .withData("catalogueLoaded", loaded)
                .withData("dossierPartitions", consumer.dossierPartitions())
                .withData("cataloguePartitions", consumer.cataloguePartitions())
                .build();
    }
}
