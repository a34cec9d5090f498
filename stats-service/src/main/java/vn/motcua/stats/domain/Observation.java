package vn.motcua.stats.domain;

import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventTypes;
import vn.motcua.events.MalformedEventException;
import vn.motcua.events.ResultDelivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * What one dossier event told the projection, kept on the dossier's document so that its facts can be derived
 * again in any order of arrival and a repeated sequence is recognised.
 *
 * @param at        when the step happened at the one-stop shop (the type's own time, else the event's time)
 * @param procedure the procedure code; null in documents written by builds that did not keep it
 * @param receivedAtUnit   the event's {@code receivedAtUnit}: the counter that received the dossier; null when the
 *                         event did not say (older events: the handling unit at receipt)
 * @param previousUnit     on a transfer: the unit that handled it before; null otherwise
 * @param transferredAt    on a transfer: from when {@code unit} handles it; null otherwise
 */
public record Observation(
        String eventId,
        long sequence,
        String type,
        Instant at,
        String unit,
        Channel channel,
        Integer onlineLevel,
        Instant receivedAt,
        Instant dueAt,
        Timeliness timeliness,
        String procedure,
        ResultDelivery resultDelivery,
        Integer handlingWorkingDays,
        String receivedAtUnit,
        String previousUnit,
        Instant transferredAt) {

    /** An observation of a step other than a transfer, of an event without {@code receivedAtUnit}. */
    public Observation(String eventId, long sequence, String type, Instant at, String unit, Channel channel,
                       Integer onlineLevel, Instant receivedAt, Instant dueAt, Timeliness timeliness, String procedure,
                       ResultDelivery resultDelivery, Integer handlingWorkingDays) {
        this(eventId, sequence, type, at, unit, channel, onlineLevel, receivedAt, dueAt, timeliness, procedure,
                resultDelivery, handlingWorkingDays, null, null, null);
    }

    public static Observation of(CloudEvent event, DossierData data) {
        if (data.sequence() < 1) {
            throw new MalformedEventException("event " + event.id() + ": sequence must be at least 1");
        }
        if (data.unitCode().contains("|")) {
            throw new MalformedEventException("event " + event.id() + ": unit code contains '|'");
        }
        if (data.procedureCode() != null && data.procedureCode().contains("|")) {
            throw new MalformedEventException("event " + event.id() + ": procedure code contains '|'");
        }
        if (data.receivedAtUnit() != null && (data.receivedAtUnit().isBlank() || data.receivedAtUnit().contains("|"))) {
            throw new MalformedEventException("event " + event.id() + ": receivedAtUnit is blank or contains '|'");
        }
        boolean transfer = event.type().equals(EventTypes.TRANSFERRED);
        if (transfer && (data.previousUnitCode() == null || data.previousUnitCode().contains("|")
                || data.transferredAt() == null)) {
            throw new MalformedEventException("event " + event.id() + ": a transfer needs previousUnitCode (without "
                    + "'|') and transferredAt");
        }
        Instant at = switch (event.type()) {
            case EventTypes.RECEIVED -> data.receivedAt().toInstant();
            case EventTypes.SUPPLEMENT_REQUESTED -> instantOr(data.requestedAt(), event.time());
            case EventTypes.SUPPLEMENT_RECEIVED -> instantOr(data.supplementReceivedAt(), event.time());
            case EventTypes.RESOLVED -> instantOr(data.resolvedAt(), event.time());
            case EventTypes.WITHDRAWN -> instantOr(data.withdrawnAt(), event.time());
            // when intake moved the due date (its dueAt is the new one); it receives, resolves and withdraws nothing
            case EventTypes.DUE_DATE_CHANGED -> event.time().toInstant();
            // when intake moved it, for the clock; from when the new unit handles it is transferredAt
            case EventTypes.TRANSFERRED -> event.time().toInstant();
            default -> event.time().toInstant();
        };
        return new Observation(event.id().toString(), data.sequence(), event.type(), millis(at), data.unitCode(),
                data.channel(), data.onlineLevel(), millis(data.receivedAt().toInstant()),
                data.dueAt() == null ? null : millis(data.dueAt().toInstant()), data.timeliness(),
                data.procedureCode(), data.resultDelivery(), data.handlingWorkingDays(), data.receivedAtUnit(),
                transfer ? data.previousUnitCode() : null, transfer ? millis(data.transferredAt().toInstant()) : null);
    }

    public boolean isTransfer() {
        return EventTypes.TRANSFERRED.equals(type);
    }

    private static Instant instantOr(OffsetDateTime value, OffsetDateTime fallback) {
        return (value != null ? value : fallback).toInstant();
    }

    /** The same event as stored by a build that did not keep procedure, result delivery and handling time. */
    public boolean completes(Observation older) {
        return sequence == older.sequence && older.procedure == null && procedure != null;
    }

    /** MongoDB keeps milliseconds; facts derived before and after a round trip must be the same. */
    public static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }
}
