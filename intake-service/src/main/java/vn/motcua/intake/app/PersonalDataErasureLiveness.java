package vn.motcua.intake.app;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when no run of {@link PersonalDataErasure} has finished for {@code motcua.intake.personal-data.stall-after}:
 * data past its retention would be kept until a restart. A failed run (the database away) finishes too.
 */
@Liveness
@Singleton
public class PersonalDataErasureLiveness implements HealthCheck {

    public static final String NAME = "intake-service personal data erasure";

    private final PersonalDataErasure erasure;

    PersonalDataErasureLiveness(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(erasure.sinceLastRun().compareTo(erasure.stallAfter()) <= 0)
                .withData("secondsSinceLastRun", erasure.sinceLastRun().toSeconds())
                .withData("stallAfterSeconds", erasure.stallAfter().toSeconds())
                .build();
    }
}
