package vn.motcua.intake.domain;

import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.WorkCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * How many working days a dossier was handled (docs/time-and-counting.md, "Handling time"), sent as
 * {@code handlingWorkingDays} on {@code dossier.resolved}, for Decision 766's average handling time.
 *
 * <p>H = the working days d with S &lt; d ≤ X on which the clock ran, where S = S(receivedAt), the start day with the
 * procedure's cut-off, and X = the resolution's local date. A supplement request at p that stopped the clock stops it
 * on the days date(p) &lt; d ≤ S(r), r being the supplement's arrival (the days a resumed deadline does not count
 * either), or up to X when the result comes while it is still stopped. All on one calendar: the one in force when
 * the result is recorded. H is 0 when X ≤ S.
 *
 * <p>A result on the start day counts 0, not 1: the N working days of a deadline are counted after S in the same
 * way, so a working-day dossier resolved on its due date without a stop took exactly N, and H − N is how many working
 * days late it was; a same-day procedure (N = 0) done the same day took 0.
 */
public final class HandlingTime {

    /**
     * A stop of the clock by a supplement request.
     *
     * @param restartedAt when the supplement arrived; null when the dossier is resolved while still waiting for it
     */
    public record ClockStop(Instant requestedAt, Instant restartedAt) {
        public ClockStop {
            Objects.requireNonNull(requestedAt, "requestedAt");
        }
    }

    private HandlingTime() {
    }

    /**
     * @param calculator the calendar in force when the result is recorded
     * @param cutoff     the procedure's cut-off (null = the close time), as for S(t) everywhere
     * @param stops      the stops that stopped the clock, in any order
     */
    public static int workingDays(DeadlineCalculator calculator, Instant receivedAt, LocalTime cutoff,
                                  List<ClockStop> stops, Instant resolvedAt) {
        LocalDate start = calculator.startDay(receivedAt, cutoff);
        LocalDate resolved = localDate(calculator, resolvedAt);
        List<StoppedDays> stopped = stops.stream().map(stop -> new StoppedDays(localDate(calculator, stop.requestedAt()),
                stop.restartedAt() == null ? resolved : calculator.startDay(stop.restartedAt(), cutoff))).toList();
        WorkCalendar calendar = calculator.calendar();
        int days = 0;
        // A day at a time: a result comes once per dossier, and the rule stays visible.
        for (LocalDate day = start.plusDays(1); !day.isAfter(resolved); day = day.plusDays(1)) {
            LocalDate d = day;
            if (calendar.isWorkingDay(d) && stopped.stream().noneMatch(stop -> stop.contains(d))) {
                days++;
            }
        }
        return days;
    }

    /** The days after {@code requestDay} up to and including {@code through}. */
    private record StoppedDays(LocalDate requestDay, LocalDate through) {
        boolean contains(LocalDate day) {
            return day.isAfter(requestDay) && !day.isAfter(through);
        }
    }

    private static LocalDate localDate(DeadlineCalculator calculator, Instant instant) {
        return instant.atZone(calculator.zone()).toLocalDate();
    }
}
