package vn.motcua.intake.domain;

import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Provisional due dates and their recount on another calendar (docs/time-and-counting.md, "Provisional due dates").
 */
public final class DueDates {

    private DueDates() {
    }

    /**
     * True when a day from the receipt's local date (which decides the start day) to the due date, both included,
     * lies in a year without an official schedule in this calendar (neither shipped nor entered): the due date was
     * counted on the Labour Code rule there and may move once the year's schedule is known.
     */
    public static boolean provisional(WorkCalendar calendar, Instant receivedAt, LocalDate dueDate) {
        int first = receivedAt.atZone(VietnamTime.ZONE).getYear();
        for (int year = first; year <= dueDate.getYear(); year++) {
            if (calendar.officialSchedule(year).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the range [receipt's local date, due date] touches the year. */
    public static boolean touches(Instant receivedAt, LocalDate dueDate, int year) {
        return receivedAt.atZone(VietnamTime.ZONE).getYear() <= year && dueDate.getYear() >= year;
    }

    /** A supplement step of the dossier's history, as the recount replays it. */
    public record SupplementStep(boolean requested, Instant at) {
        public SupplementStep {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The deadline the dossier would have had, had this calculator's calendar been in force from its receipt: the
     * same receipt, processing time and cut-off, and its supplement requests and arrivals replayed in order (each
     * request stops the clock only if it came by the deadline then running). Empty when the history ends with a
     * request that did not stop the clock but now would: that dossier is left as it is (its clock would have to stop
     * retroactively).
     *
     * @param steps the dossier's supplement requests and arrivals, in sequence order
     */
    public static Optional<Deadline> recount(DeadlineCalculator calculator, Instant receivedAt, ProcessingTime time,
                                             LocalTime cutoff, List<SupplementStep> steps) {
        Deadline deadline = calculator.dueFor(receivedAt, time, cutoff);
        Pause pause = null;
        for (SupplementStep step : steps) {
            if (step.requested()) {
                pause = calculator.pause(deadline, LocalTimes.local(step.at()));
            } else if (pause != null) {
                deadline = calculator.resume(pause, LocalTimes.local(step.at()), cutoff);
                pause = null;
            }
        }
        if (pause != null && pause.clockStopped()) {
            return Optional.empty();
        }
        return Optional.of(deadline);
    }
}
