package vn.motcua.deadline.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the dossier-events consumer runs: without it deadlines go stale and alerts stop. */
@Readiness
@ApplicationScoped
public class DeadlineEngineReadiness implements HealthCheck {

    @Inject
    DeadlineEngineService engine;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("deadline-service dossier-events consumer")
                .status(engine.isConsuming())
                .withData("partitions", engine.partitionCount())
                .build();
    }
}
