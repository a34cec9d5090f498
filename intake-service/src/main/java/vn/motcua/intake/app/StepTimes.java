package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.Checks;
import vn.motcua.intake.config.IntakeConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The time a step happened: now when the client gives none; a kiosk that was offline gives the real time, which
 * may lie in the past but not in the future beyond a small clock skew, nor before the step it follows.
 */
@ApplicationScoped
class StepTimes {

    /** The calendar (and so every due date) covers 2000 to 2100. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final Clock clock;
    private final IntakeConfig config;

    StepTimes(Clock clock, IntakeConfig config) {
        this.clock = clock;
        this.config = config;
    }

    Instant resolve(OffsetDateTime given, String field, Instant notBefore, Checks checks) {
        Instant now = clock.instant();
        if (given == null) {
            return notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        }
        Instant at = given.toInstant();
        checks.check(!at.isAfter(now.plus(config.clockSkew())), field, "lies in the future (now is " + now + ")");
        checks.check(!at.isBefore(EARLIEST), field, "must not be before 2000-01-01");
        if (notBefore != null) {
            checks.check(!at.isBefore(notBefore), field, "must not be before the previous step at " + notBefore);
        }
        return at;
    }
}
