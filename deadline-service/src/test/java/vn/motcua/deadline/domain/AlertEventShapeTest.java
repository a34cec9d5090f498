package vn.motcua.deadline.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts this service writes have the shape of the contract's golden fixtures (dossier-events, golden/). */
class AlertEventShapeTest {

    static final Instant DUE_AT = OffsetDateTime.parse("2022-01-14T17:00:00+07:00").toInstant();
    static final Instant APPOINTMENT = OffsetDateTime.parse("2022-01-18T17:00:00+07:00").toInstant();
    static final Instant LATER = OffsetDateTime.parse("2022-02-01T09:00:00+07:00").toInstant();

    final DossierEvent dossier = DossierEvent.of("000.00.19.H23-220105-0001", "SADEC",
            OffsetDateTime.parse("2022-01-05T08:30:00+07:00").toInstant());

    @Test
    void overdueLikeTheGoldenFixture() throws Exception {
        TrackedDeadline deadline = deadline(dossier.supplementReceived(3, OffsetDateTime.parse("2022-01-12T09:00:00+07:00").toInstant(), DUE_AT));
        CloudEvent alert = read(AlertEvents.toEvent(deadline,
                new PlannedAlert(EventTypes.OVERDUE, DUE_AT.plusNanos(1000), DUE_AT), LATER));

        assertThat(alert.type()).isEqualTo("deadline.overdue");
        assertThat(alert.source().toString()).isEqualTo("/motcua/deadline-service");
        assertThat(alert.subject()).isEqualTo("000.00.19.H23-220105-0001");
        assertThat(alert.time()).isEqualTo(OffsetDateTime.parse("2022-01-14T17:00:01+07:00"));
        assertThat(alert.data()).isEqualTo(json("""
                {"dossierCode": "000.00.19.H23-220105-0001", "unitCode": "SADEC", "procedureCode": "1.001612",
                 "dueDate": "2022-01-14", "dueAt": "2022-01-14T17:00:00+07:00", "dossierSequence": 3}"""));
    }

    @Test
    void appointmentMissedLikeTheGoldenFixture() throws Exception {
        TrackedDeadline deadline = deadline(dossier.apology(4, OffsetDateTime.parse("2022-01-14T15:00:00+07:00").toInstant(),
                DUE_AT, APPOINTMENT));
        CloudEvent alert = read(AlertEvents.toEvent(deadline,
                new PlannedAlert(EventTypes.APPOINTMENT_MISSED, APPOINTMENT.plusNanos(1000), APPOINTMENT), LATER));

        assertThat(alert.time()).isEqualTo(OffsetDateTime.parse("2022-01-18T17:00:01+07:00"));
        assertThat(alert.data()).isEqualTo(json("""
                {"dossierCode": "000.00.19.H23-220105-0001", "unitCode": "SADEC", "procedureCode": "1.001612",
                 "dueDate": "2022-01-14", "dueAt": "2022-01-18T17:00:00+07:00", "dossierSequence": 4,
                 "newAppointmentAt": "2022-01-18T17:00:00+07:00"}"""));
    }

    @Test
    void dueSoonAtOfficeOpening() {
        TrackedDeadline deadline = deadline(dossier.received(3, DUE_AT));
        Instant opening = OffsetDateTime.parse("2022-01-14T07:30:00+07:00").toInstant();
        CloudEvent alert = read(AlertEvents.toEvent(deadline, new PlannedAlert(EventTypes.DUE_SOON, opening, DUE_AT),
                opening.plusMillis(300)));
        assertThat(alert.time()).isEqualTo(OffsetDateTime.parse("2022-01-14T07:30:00+07:00"));
    }

    private static TrackedDeadline deadline(CloudEvent event) {
        return TrackedDeadline.first(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }

    /** Through the wire format, as a consumer sees it. */
    private static CloudEvent read(CloudEvent event) {
        return EventCodec.read(EventCodec.write(event));
    }

    private static JsonNode json(String text) throws Exception {
        return EventCodec.mapper().readTree(text);
    }
}
