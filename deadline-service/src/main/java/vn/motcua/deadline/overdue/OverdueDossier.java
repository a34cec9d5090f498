package vn.motcua.deadline.overdue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One open dossier past its deadline; overdueSince is the dueAt it ran past. */
public record OverdueDossier(String code, String unitCode, String procedureCode, LocalDate dueDate,
                             OffsetDateTime dueAt, OffsetDateTime overdueSince, OffsetDateTime newAppointmentAt) {
}
