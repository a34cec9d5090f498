package vn.motcua.deadline.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.motcua.kafka.ConsumerLoopHealth;

/**
 * Ready while the dossier-events consumer runs: without it deadlines go stale and alerts stop. {@code caughtUp}
 * says whether it has read its partitions to the end (the partition gate alerts only on those).
 */
@Readiness
@Singleton
public class DossierEventsConsumerReadiness implements HealthCheck {

    public static final String NAME = "deadline-service dossier-events consumer";

    private final DossierEventsConsumer consumer;

    public DossierEventsConsumerReadiness(DossierEventsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return ConsumerLoopHealth.readiness(NAME, consumer.loop());
    }
}
