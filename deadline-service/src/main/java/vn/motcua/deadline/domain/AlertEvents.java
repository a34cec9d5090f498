package vn.motcua.deadline.domain;

import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The CloudEvent of one alert, as docs/contracts.md (Events, Alerts) and the golden fixtures describe it. */
public final class AlertEvents {

    public static final URI SOURCE = URI.create("/motcua/deadline-service");

    private AlertEvents() {
    }

    public static CloudEvent toEvent(Deadline deadline, PlannedAlert alert, Instant now) {
        AlertData data = new AlertData(deadline.dossierCode(), deadline.unitCode(), deadline.procedureCode(),
                deadline.dueDate(), at(alert.about()), at(deadline.newAppointmentAt()), deadline.sequence());
        // time = when the alert's moment came at the one-stop shop, in whole seconds as in the contract's fixtures
        // (due-soon 07:30, overdue dueAt + 1 s); never before the dossier was received, never after now
        Instant happened = EventTypes.DUE_SOON.equals(alert.type()) ? alert.at() : alert.about().plusSeconds(1);
        if (happened.isBefore(deadline.receivedAt())) {
            happened = deadline.receivedAt();
        }
        return EventCodec.alert(alert.type(), SOURCE, at(happened.isAfter(now) ? now : happened), data);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
