package vn.motcua.deadline.domain;

import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The CloudEvent of one alert, as docs/contracts.md (Events, Alerts) and the golden fixtures describe it. */
public final class AlertEvents {

    public static final URI SOURCE = URI.create("/motcua/deadline-service");

    private AlertEvents() {
    }

    public static CloudEvent toEvent(TrackedDeadline deadline, PlannedAlert alert, Instant now) {
        AlertData data = new AlertData(deadline.dossierCode(), deadline.unitCode(), deadline.procedureCode(),
                deadline.dueDate(), at(alert.about()), at(deadline.newAppointmentAt()), deadline.sequence(),
                // written only when true: absent reads as false, and alerts of firm dates keep their shape
                deadline.dueDateProvisional() ? Boolean.TRUE : null);
        // time = when the alert's moment came at the one-stop shop, in whole seconds as in the contract's fixtures
        // (due-soon 07:30, overdue dueAt + 1 s); never before the dossier was received, never after now
        Instant happened = EventTypes.DUE_SOON.equals(alert.type()) ? alert.at() : alert.about().plusSeconds(1);
        if (happened.isBefore(deadline.receivedAt())) {
            happened = deadline.receivedAt();
        }
        CloudEvent event = EventCodec.alert(alert.type(), SOURCE, at(happened.isAfter(now) ? now : happened), data);
        return new CloudEvent(event.specversion(), alertId(deadline.dossierCode(), alert.type(), alert.about()),
                event.source(), event.type(), event.time(), event.subject(), event.datacontenttype(), event.data());
    }

    /**
     * The alert's CloudEvent id: a name-based (version 3) UUID of dossier code, alert type and the due instant it is
     * about (ISO-8601 instant, as {@link Instant#toString()} writes it), joined by {@code |}. An alert sent again
     * after a crash between the broker's ack and the database commit carries the same id, so consumers can
     * de-duplicate it, and a stream client can name it in {@code Last-Event-ID}.
     */
    public static UUID alertId(String dossierCode, String type, Instant about) {
        String name = dossierCode + "|" + type + "|" + about;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
