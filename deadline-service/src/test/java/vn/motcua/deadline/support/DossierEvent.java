package vn.motcua.deadline.support;

import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Decision;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Dossier events as intake-service would publish them, for tests. */
public final class DossierEvent {

    private static final URI INTAKE = URI.create("/motcua/intake-service");

    private final String code;
    private final String unit;
    private final Instant receivedAt;

    private DossierEvent(String code, String unit, Instant receivedAt) {
        this.code = code;
        this.unit = unit;
        this.receivedAt = receivedAt;
    }

    public static DossierEvent of(String code, String unit, Instant receivedAt) {
        return new DossierEvent(code, unit, receivedAt);
    }

    public CloudEvent received(long sequence, Instant dueAt) {
        return event(EventTypes.RECEIVED, receivedAt, sequence, dueAt, null, null, null, null, null);
    }

    public CloudEvent supplementRequested(long sequence, Instant at, Instant dueAt) {
        return event(EventTypes.SUPPLEMENT_REQUESTED, at, sequence, dueAt, at, null, null, null, null);
    }

    public CloudEvent supplementReceived(long sequence, Instant at, Instant newDueAt) {
        return event(EventTypes.SUPPLEMENT_RECEIVED, at, sequence, newDueAt, null, at, null, null, null);
    }

    public CloudEvent apology(long sequence, Instant at, Instant dueAt, Instant newAppointmentAt) {
        return event(EventTypes.APOLOGY_ISSUED, at, sequence, dueAt, null, null, newAppointmentAt, null, null);
    }

    public CloudEvent resolved(long sequence, Instant at, Instant dueAt) {
        return event(EventTypes.RESOLVED, at, sequence, dueAt, null, null, null, at, null);
    }

    public CloudEvent withdrawn(long sequence, Instant at, Instant dueAt) {
        return event(EventTypes.WITHDRAWN, at, sequence, dueAt, null, null, null, null, at);
    }

    /**
     * The due date moved with the calendar: the new picture, what it was before and why.
     *
     * @param provisional whether the new due date is still provisional
     */
    public CloudEvent dueDateChanged(long sequence, Instant at, Instant previousDueAt, Instant newDueAt,
                                     boolean provisional) {
        DossierData data = withDueDate(event(EventTypes.DUE_DATE_CHANGED, at, sequence, newDueAt, null, null, null,
                null, null), provisional, previousDueAt, "calendar 2027 version 2");
        return EventCodec.dossierEvent(EventTypes.DUE_DATE_CHANGED, INTAKE, at(at), data);
    }

    /**
     * Its unit closed: {@code successor} handles it from {@code at}, its due date and clock unchanged (the picture
     * it carries is that of {@code dueAt}, at the successor).
     */
    public CloudEvent transferred(long sequence, Instant at, Instant dueAt, String successor) {
        DossierData d = EventCodec.dossierData(event(EventTypes.TRANSFERRED, at, sequence, dueAt, null, null, null,
                null, null));
        DossierData data = new DossierData(d.dossierCode(), successor, d.procedureCode(), d.channel(),
                d.onlineLevel(), d.receivedAt(), d.dueDate(), d.dueAt(), d.sequence(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, unit, unit, at(at));
        return EventCodec.dossierEvent(EventTypes.TRANSFERRED, INTAKE, at(at), data);
    }

    /** The same event saying its due date is (or is not) provisional. */
    public static CloudEvent provisional(CloudEvent event, boolean provisional) {
        DossierData d = EventCodec.dossierData(event);
        DossierData data = withDueDate(event, provisional, d.previousDueAt() == null ? null : d.previousDueAt().toInstant(),
                d.dueDateChangeReason());
        return EventCodec.dossierEvent(event.type(), INTAKE, event.time(), data);
    }

    private static DossierData withDueDate(CloudEvent event, boolean provisional, Instant previousDueAt, String reason) {
        DossierData d = EventCodec.dossierData(event);
        OffsetDateTime previous = at(previousDueAt);
        return new DossierData(d.dossierCode(), d.unitCode(), d.procedureCode(), d.channel(), d.onlineLevel(),
                d.receivedAt(), d.dueDate(), d.dueAt(), d.sequence(), d.requestedAt(), d.remainingWorkingDays(),
                d.supplementReceivedAt(), d.newAppointmentAt(), d.resolvedAt(), d.decision(), d.timeliness(),
                d.withdrawnAt(), d.resultDelivery(), d.handlingWorkingDays(), provisional,
                previous == null ? null : previous.toLocalDate(), previous, reason);
    }

    private CloudEvent event(String type, Instant time, long sequence, Instant dueAt, Instant requestedAt,
                             Instant supplementReceivedAt, Instant newAppointmentAt, Instant resolvedAt,
                             Instant withdrawnAt) {
        OffsetDateTime due = at(dueAt);
        LocalDate dueDate = due == null ? null : due.toLocalDate();
        DossierData data = new DossierData(code, unit, "1.001612", Channel.DIRECT, null, at(receivedAt), dueDate, due,
                sequence, at(requestedAt), requestedAt == null ? null : 2, at(supplementReceivedAt),
                at(newAppointmentAt), at(resolvedAt), resolvedAt == null ? null : Decision.APPROVED,
                resolvedAt == null ? null : Timeliness.ON_TIME, at(withdrawnAt));
        return EventCodec.dossierEvent(type, INTAKE, at(time), data);
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
