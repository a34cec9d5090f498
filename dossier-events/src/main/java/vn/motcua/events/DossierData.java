package vn.motcua.events;

import vn.motcua.calendar.Timeliness;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The {@code data} of every {@code dossier.*} event: the dossier's current deadline picture plus the fields of the
 * event's own type (null where they do not apply). No personal data: applicant name, ID number and phone stay in
 * intake-service.
 *
 * @param sequence             grows by one with each event of the same dossier, starting at 1
 * @param dueDate              the current due date; while paused, the one that held when the clock stopped
 * @param remainingWorkingDays on supplement-requested: the working days left when the clock stopped
 * @param resultDelivery       on resolved: how the result reached the applicant, when the clerk said so
 * @param handlingWorkingDays  on resolved: working days from receipt to resolution, clock stops excluded, as intake
 *                             counted them on the calendar in force (docs/time-and-counting.md, "Handling time")
 * @param dueDateProvisional   true when the due date depends on a year that has no official schedule yet (counted on
 *                             the Labour Code rule, so it may move when the schedule is published); absent: false
 * @param previousDueDate      on due-date-changed: the due date before the change
 * @param previousDueAt        on due-date-changed: the due instant before the change
 * @param dueDateChangeReason  on due-date-changed: why it moved, e.g. "calendar 2027 version 2"
 * @param receivedAtUnit       the unit whose counter received it when that is not the handling unit
 *                             ({@code unitCode}) at receipt; absent: the unit that handled it at receipt
 * @param previousUnitCode     on transferred: the unit that handled it before ({@code unitCode} is the new one)
 * @param transferredAt        on transferred: from when the new unit handles it (the day its old unit closed, 00:00
 *                             in Vietnam)
 */
public record DossierData(
        String dossierCode,
        String unitCode,
        String procedureCode,
        Channel channel,
        Integer onlineLevel,
        OffsetDateTime receivedAt,
        LocalDate dueDate,
        OffsetDateTime dueAt,
        long sequence,
        OffsetDateTime requestedAt,
        Integer remainingWorkingDays,
        OffsetDateTime supplementReceivedAt,
        OffsetDateTime newAppointmentAt,
        OffsetDateTime resolvedAt,
        Decision decision,
        Timeliness timeliness,
        OffsetDateTime withdrawnAt,
        ResultDelivery resultDelivery,
        Integer handlingWorkingDays,
        Boolean dueDateProvisional,
        LocalDate previousDueDate,
        OffsetDateTime previousDueAt,
        String dueDateChangeReason,
        String receivedAtUnit,
        String previousUnitCode,
        OffsetDateTime transferredAt) {

    /** An event without the fields of units over time (producers before them, tests of other steps). */
    public DossierData(String dossierCode, String unitCode, String procedureCode, Channel channel, Integer onlineLevel,
                       OffsetDateTime receivedAt, LocalDate dueDate, OffsetDateTime dueAt, long sequence,
                       OffsetDateTime requestedAt, Integer remainingWorkingDays, OffsetDateTime supplementReceivedAt,
                       OffsetDateTime newAppointmentAt, OffsetDateTime resolvedAt, Decision decision,
                       Timeliness timeliness, OffsetDateTime withdrawnAt, ResultDelivery resultDelivery,
                       Integer handlingWorkingDays, Boolean dueDateProvisional, LocalDate previousDueDate,
                       OffsetDateTime previousDueAt, String dueDateChangeReason) {
        this(dossierCode, unitCode, procedureCode, channel, onlineLevel, receivedAt, dueDate, dueAt, sequence,
                requestedAt, remainingWorkingDays, supplementReceivedAt, newAppointmentAt, resolvedAt, decision,
                timeliness, withdrawnAt, resultDelivery, handlingWorkingDays, dueDateProvisional, previousDueDate,
                previousDueAt, dueDateChangeReason, null, null, null);
    }

    /** An event without the due-date fields (producers before provisional due dates). */
    public DossierData(String dossierCode, String unitCode, String procedureCode, Channel channel, Integer onlineLevel,
                       OffsetDateTime receivedAt, LocalDate dueDate, OffsetDateTime dueAt, long sequence,
                       OffsetDateTime requestedAt, Integer remainingWorkingDays, OffsetDateTime supplementReceivedAt,
                       OffsetDateTime newAppointmentAt, OffsetDateTime resolvedAt, Decision decision,
                       Timeliness timeliness, OffsetDateTime withdrawnAt, ResultDelivery resultDelivery,
                       Integer handlingWorkingDays) {
        this(dossierCode, unitCode, procedureCode, channel, onlineLevel, receivedAt, dueDate, dueAt, sequence,
                requestedAt, remainingWorkingDays, supplementReceivedAt, newAppointmentAt, resolvedAt, decision,
                timeliness, withdrawnAt, resultDelivery, handlingWorkingDays, null, null, null, null, null, null,
                null);
    }

    /** The unit whose counter received it: {@code receivedAtUnit}, or the handling unit when absent. */
    public String receivingUnit() {
        return receivedAtUnit != null ? receivedAtUnit : unitCode;
    }

    /** Whether the due date may still move with the calendar (absent: no). */
    public boolean provisional() {
        return Boolean.TRUE.equals(dueDateProvisional);
    }

    /** An event without the fields added for the full report (older producers, tests of other steps). */
    public DossierData(String dossierCode, String unitCode, String procedureCode, Channel channel, Integer onlineLevel,
                       OffsetDateTime receivedAt, LocalDate dueDate, OffsetDateTime dueAt, long sequence,
                       OffsetDateTime requestedAt, Integer remainingWorkingDays, OffsetDateTime supplementReceivedAt,
                       OffsetDateTime newAppointmentAt, OffsetDateTime resolvedAt, Decision decision,
                       Timeliness timeliness, OffsetDateTime withdrawnAt) {
        this(dossierCode, unitCode, procedureCode, channel, onlineLevel, receivedAt, dueDate, dueAt, sequence,
                requestedAt, remainingWorkingDays, supplementReceivedAt, newAppointmentAt, resolvedAt, decision,
                timeliness, withdrawnAt, null, null, null, null, null, null, null, null, null);
    }
}
