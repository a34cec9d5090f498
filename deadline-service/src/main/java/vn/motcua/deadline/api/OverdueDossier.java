package vn.motcua.deadline.api;

import vn.motcua.calendar.VietnamTime;
import vn.motcua.deadline.domain.TrackedDeadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One open dossier past its deadline; overdueSince is the dueAt it ran past. dueDateProvisional: the due date
 * depends on a year without an official schedule and may still move (always written, true or false).
 */
public record OverdueDossier(String code, String unitCode, String procedureCode, LocalDate dueDate,
                             OffsetDateTime dueAt, OffsetDateTime overdueSince, OffsetDateTime newAppointmentAt,
                             boolean dueDateProvisional) {

    static OverdueDossier of(TrackedDeadline deadline) {
        return new OverdueDossier(deadline.dossierCode(), deadline.unitCode(), deadline.procedureCode(),
                deadline.dueDate(), at(deadline.dueAt()), at(deadline.dueAt()), at(deadline.newAppointmentAt()),
                deadline.dueDateProvisional());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
