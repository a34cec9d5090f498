package vn.motcua.intake.app;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when no run of {@link DossierTransfers} has finished for {@code motcua.intake.transfers.stall-after}: the
 * scheduler stopped or a run hangs, and closed units' dossiers would stay where they were until a restart. The
 * database being away does not count: a failed run finishes too, and the next one tries again.
 */
@Liveness
@Singleton
public class DossierTransfersLiveness implements HealthCheck {

    public static final String NAME = "intake-service dossier transfers";

    private final DossierTransfers transfers;

    DossierTransfersLiveness(DossierTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public HealthCheckResponse call() {
        long since = transfers.sinceLastRun().toSeconds();
        return HealthCheckResponse.named(NAME).status(transfers.sinceLastRun().compareTo(transfers.stallAfter()) <= 0)
                .withData("secondsSinceLastRun", since)
                .withData("stallAfterSeconds", transfers.stallAfter().toSeconds())
                .build();
    }
}
