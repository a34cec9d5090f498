package vn.motcua.deadline.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the dossier-events consumer runs: without it deadlines go stale and alerts stop. {@code caughtUp}
 * says whether it has read its partitions to the end (the partition gate alerts only on those).
 */
@Readiness
@Singleton
public class DeadlineEngineReadiness implements HealthCheck {

    private final DeadlineEngineService engine;

    public DeadlineEngineReadiness(DeadlineEngineService engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        return LoopHealth.of("deadline-service dossier-events consumer", engine.consumer());
    }
}
