package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A dossier's deadline (hạn giải quyết): the due date and the instant dueAt after which it is overdue.
 *
 * @param unit how the deadline was measured; pause and resume keep working days for WORKING_DAYS deadlines and
 *             office time for WORKING_HOURS deadlines.
 */
public record Deadline(LocalDate dueDate, OffsetDateTime dueAt, ProcessingTime.Unit unit) {

    public Deadline {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(unit, "unit");
    }

    /** A deadline of a working-day procedure, as services store it (dueDate, dueAt). */
    public Deadline(LocalDate dueDate, OffsetDateTime dueAt) {
        this(dueDate, dueAt, ProcessingTime.Unit.WORKING_DAYS);
    }
}
