package vn.motcua.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The {@code data} of every {@code deadline.*} alert. One alert per (dossier, type, due instant).
 *
 * @param dueAt            the instant this alert is about: the deadline, or for appointment-missed the apology's
 *                         new appointment
 * @param dossierSequence  the sequence of the last dossier event the deadline-service had applied
 */
public record AlertData(
        String dossierCode,
        String unitCode,
        String procedureCode,
        LocalDate dueDate,
        OffsetDateTime dueAt,
        OffsetDateTime newAppointmentAt,
        long dossierSequence) {
}
