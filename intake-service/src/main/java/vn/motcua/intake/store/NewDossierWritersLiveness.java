package vn.motcua.intake.store;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when a writer thread of {@link NewDossierInsert} has ended (an Error it could not answer): new dossiers would
 * then queue until they time out, so the process is better restarted.
 */
@Liveness
@Singleton
public class NewDossierWritersLiveness implements HealthCheck {

    public static final String NAME = "intake-service new-dossier writers";

    private final NewDossierInsert insert;

    NewDossierWritersLiveness(NewDossierInsert insert) {
        this.insert = insert;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(insert.writersAlive()).build();
    }
}
