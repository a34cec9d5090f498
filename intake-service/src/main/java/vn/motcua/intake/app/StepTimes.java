package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.Checks;
import vn.motcua.api.FieldError;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The time a step happened: now when the client gives none; a kiosk that was offline gives the real time, which
 * may lie in the past but not in the future beyond a small clock skew, nor before the step it follows. Dating a step
 * more than {@code motcua.intake.backdate-window} working days back moves its deadline arithmetic into the past, so
 * only an admin may (entering a paper register afterwards, a replay); anyone else gets a 403 naming the field.
 */
@ApplicationScoped
class StepTimes {

    /** The calendar (and so every due date) covers 2000 to 2100. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final Clock clock;
    private final IntakeConfig config;
    private final CalendarService calendar;

    StepTimes(Clock clock, IntakeConfig config, CalendarService calendar) {
        this.clock = clock;
        this.config = config;
        this.calendar = calendar;
    }

    Instant resolve(OffsetDateTime given, String field, Instant notBefore, Checks checks, Caller caller) {
        Instant now = clock.instant();
        if (given == null) {
            return notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        }
        Instant at = given.toInstant();
        boolean inFuture = at.isAfter(now.plus(config.clockSkew()));
        boolean tooEarly = at.isBefore(EARLIEST);
        checks.check(!inFuture, field, "lies in the future (now is " + now + ")");
        checks.check(!tooEarly, field, "must not be before 2000-01-01");
        if (notBefore != null) {
            checks.check(!at.isBefore(notBefore), field, "must not be before the previous step at " + notBefore);
        }
        if (!inFuture && !tooEarly && !caller.isAdmin() && workingDaysBack(at, now) > config.backdateWindow()) {
            throw new ProblemException(403, "Forbidden", "Only an admin may date a step more than "
                    + config.backdateWindow() + " working days back; nothing was recorded.",
                    List.of(new FieldError(field, "is more than " + config.backdateWindow()
                            + " working days ago: backdating this far takes the admin role")));
        }
        return at;
    }

    /** Working days after the step's day up to today: 0 today, 1 for the previous working day, … */
    private int workingDaysBack(Instant at, Instant now) {
        LocalDate day = at.atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate today = now.atZone(VietnamTime.ZONE).toLocalDate();
        return calendar.calculator().calendar().workingDaysBetween(day, today);
    }
}
