package vn.motcua.intake.store;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The writers' liveness follows their threads: UP while they run, DOWN once they have ended. */
class NewDossierWritersLivenessTest {

    @Test
    void downOnceTheWritersHaveEnded() throws InterruptedException {
        NewDossierInsert insert = new NewDossierInsert(null, null); // no dossier is written: no database needed
        NewDossierWritersLiveness liveness = new NewDossierWritersLiveness(insert);
        assertThat(liveness.call().getStatus()).as("before the start").isEqualTo(HealthCheckResponse.Status.DOWN);

        insert.start();
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        insert.stop();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (insert.writersAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(liveness.call().getStatus()).as("writers ended").isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
