package vn.motcua.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The {@code data} of every {@code deadline.*} alert. One alert per (dossier, type, due instant).
 *
 * @param dueAt               the instant this alert is about: the deadline, or for appointment-missed the apology's
 *                            new appointment
 * @param dossierSequence     the sequence of the last dossier event the deadline-service had applied
 * @param dueDateProvisional  true when the dossier's due date depends on a year without an official schedule yet and
 *                            may still move (as the last dossier event said); absent: false
 */
public record AlertData(
        String dossierCode,
        String unitCode,
        String procedureCode,
        LocalDate dueDate,
        OffsetDateTime dueAt,
        OffsetDateTime newAppointmentAt,
        long dossierSequence,
        Boolean dueDateProvisional) {

    /** An alert without the provisional flag (producers before provisional due dates). */
    public AlertData(String dossierCode, String unitCode, String procedureCode, LocalDate dueDate,
                     OffsetDateTime dueAt, OffsetDateTime newAppointmentAt, long dossierSequence) {
        this(dossierCode, unitCode, procedureCode, dueDate, dueAt, newAppointmentAt, dossierSequence, null);
    }

    /** Whether the due date may still move with the calendar (absent: no). */
    public boolean provisional() {
        return Boolean.TRUE.equals(dueDateProvisional);
    }
}
