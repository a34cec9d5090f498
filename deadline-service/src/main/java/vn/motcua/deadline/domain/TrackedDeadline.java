package vn.motcua.deadline.domain;

import vn.motcua.events.DossierData;
import vn.motcua.events.EventTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What this service knows of one dossier's deadline: the picture the latest applied dossier event gave (events
 * carry the current dueDate/dueAt, so no calendar is needed here) and which alerts went out for which due instant.
 * Not {@code Deadline}: that is work-calendar's computed due date, a different thing.
 *
 * @param partition                partition of dossier-events this dossier's events arrive on; only the instance
 *                                 that owns it and has caught up on it may alert
 * @param dueSoonSentFor           the dueAt whose due-soon was sent or skipped; a new dueAt makes it due again
 * @param overdueSentFor           the dueAt whose overdue alert was sent
 * @param appointmentMissedSentFor the apology appointment whose appointment-missed alert was sent
 * @param dueDateProvisional       the latest event said the due date depends on a year without an official
 *                                 schedule and may still move (a due-date-changed then moves it)
 */
public record TrackedDeadline(
        String dossierCode,
        String unitCode,
        String procedureCode,
        int partition,
        long sequence,
        DeadlineStatus status,
        boolean paused,
        Instant receivedAt,
        LocalDate dueDate,
        Instant dueAt,
        Instant newAppointmentAt,
        Instant closedAt,
        Instant dueSoonSentFor,
        Instant overdueSentFor,
        Instant appointmentMissedSentFor,
        boolean dueDateProvisional) {

    /** The first event seen of a dossier, whatever its type: events carry the full picture, so any one will do. */
    public static TrackedDeadline first(String type, DossierData data, OffsetDateTime eventTime, int partition) {
        TrackedDeadline empty = new TrackedDeadline(data.dossierCode(), data.unitCode(), data.procedureCode(), partition, 0,
                DeadlineStatus.OPEN, false, data.receivedAt().toInstant(), null, null, null, null, null, null, null,
                false);
        return empty.apply(type, data, eventTime, partition);
    }

    /**
     * This deadline after the event, or this same object when the event is old news: a sequence not above the
     * last applied one (duplicate or out of order), or anything after the dossier closed.
     */
    public TrackedDeadline apply(String type, DossierData data, OffsetDateTime eventTime, int partition) {
        if (data.sequence() <= sequence || status.isClosed()) {
            return this;
        }
        Instant newDueAt = data.dueAt() != null ? data.dueAt().toInstant() : dueAt;
        LocalDate newDueDate = data.dueDate() != null ? data.dueDate() : dueDate;
        DeadlineStatus newStatus = status;
        boolean newPaused = paused;
        Instant newAppointment = newAppointmentAt;
        Instant newClosedAt = closedAt;
        switch (type) {
            case EventTypes.RECEIVED, EventTypes.SUPPLEMENT_RECEIVED -> newPaused = false;
            // A request made after dueAt does not stop the clock: the dossier stays overdue
            // (docs/time-and-counting.md, Supplements).
            case EventTypes.SUPPLEMENT_REQUESTED -> newPaused = !stopsAfterDue(data.requestedAt(), newDueAt);
            case EventTypes.APOLOGY_ISSUED -> newAppointment = data.newAppointmentAt() != null
                    ? data.newAppointmentAt().toInstant() : newAppointmentAt;
            case EventTypes.RESOLVED -> {
                newStatus = DeadlineStatus.RESOLVED;
                newClosedAt = orEventTime(data.resolvedAt(), eventTime);
            }
            case EventTypes.WITHDRAWN -> {
                newStatus = DeadlineStatus.WITHDRAWN;
                newClosedAt = orEventTime(data.withdrawnAt(), eventTime);
            }
            // The due date moved with the calendar (an official schedule replaced the rule it was counted on): the
            // new dueAt above is all there is to it. A paused dossier stays paused, and the alerts are planned again
            // for the new instant (they are once per due instant, so the old one's overdue is not sent).
            case EventTypes.DUE_DATE_CHANGED -> {
            }
            // Its unit closed: the successor (data.unitCode, taken below like on every event) handles it from now.
            // Due date, clock, pause and the alerts already sent stay; later alerts carry the new unit.
            case EventTypes.TRANSFERRED -> {
            }
            default -> {
                // a dossier type this version does not know: keep the picture, take the sequence
            }
        }
        // Every event carrying a deadline says whether it is provisional (absent: not); a closing one may not say.
        boolean newProvisional = data.dueAt() != null || data.dueDateProvisional() != null
                ? data.provisional() : dueDateProvisional;
        return new TrackedDeadline(dossierCode, data.unitCode(), data.procedureCode() != null ? data.procedureCode() : procedureCode,
                partition, data.sequence(), newStatus, newPaused, data.receivedAt().toInstant(), newDueDate, newDueAt,
                newAppointment, newClosedAt, dueSoonSentFor, overdueSentFor, appointmentMissedSentFor, newProvisional);
    }

    private static boolean stopsAfterDue(OffsetDateTime requestedAt, Instant dueAt) {
        return requestedAt != null && dueAt != null && requestedAt.toInstant().isAfter(dueAt);
    }

    private static Instant orEventTime(OffsetDateTime at, OffsetDateTime eventTime) {
        return (at != null ? at : eventTime).toInstant();
    }

    public boolean isRunning() {
        return status == DeadlineStatus.OPEN && !paused && dueAt != null;
    }

    public TrackedDeadline withDueSoonSentFor(Instant instant) {
        return new TrackedDeadline(dossierCode, unitCode, procedureCode, partition, sequence, status, paused, receivedAt,
                dueDate, dueAt, newAppointmentAt, closedAt, instant, overdueSentFor, appointmentMissedSentFor,
                dueDateProvisional);
    }

    public TrackedDeadline withOverdueSentFor(Instant instant) {
        return new TrackedDeadline(dossierCode, unitCode, procedureCode, partition, sequence, status, paused, receivedAt,
                dueDate, dueAt, newAppointmentAt, closedAt, dueSoonSentFor, instant, appointmentMissedSentFor,
                dueDateProvisional);
    }

    public TrackedDeadline withAppointmentMissedSentFor(Instant instant) {
        return new TrackedDeadline(dossierCode, unitCode, procedureCode, partition, sequence, status, paused, receivedAt,
                dueDate, dueAt, newAppointmentAt, closedAt, dueSoonSentFor, overdueSentFor, instant,
                dueDateProvisional);
    }
}
