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
        Integer handlingWorkingDays) {

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
        Instant at = switch (event.type()) {
            case EventTypes.RECEIVED -> data.receivedAt().toInstant();
            case EventTypes.SUPPLEMENT_REQUESTED -> instantOr(data.requestedAt(), event.time());
            case EventTypes.SUPPLEMENT_RECEIVED -> instantOr(data.supplementReceivedAt(), event.time());
            case EventTypes.RESOLVED -> instantOr(data.resolvedAt(), event.time());
            case EventTypes.WITHDRAWN -> instantOr(data.withdrawnAt(), event.time());
            // when intake moved the due date (its dueAt is the new one); it receives, resolves and withdraws nothing
            case EventTypes.DUE_DATE_CHANGED -> event.time().toInstant();
            default -> event.time().toInstant();
        };
        return new Observation(event.id().toString(), data.sequence(), event.type(), millis(at), data.unitCode(),
                data.channel(), data.onlineLevel(), millis(data.receivedAt().toInstant()),
                data.dueAt() == null ? null : millis(data.dueAt().toInstant()), data.timeliness(),
                data.procedureCode(), data.resultDelivery(), data.handlingWorkingDays());
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
