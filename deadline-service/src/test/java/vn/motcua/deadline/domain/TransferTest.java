package vn.motcua.deadline.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dossier.transferred without I/O: the tracked deadline changes its unit and nothing else (due date, clock, pause,
 * alerts already sent), under the same sequence guard as every dossier event; its later alerts carry the successor.
 */
class TransferTest {

    static final Instant RECEIVED = OffsetDateTime.parse("2025-06-20T08:30:00+07:00").toInstant();
    static final Instant DUE_AT = OffsetDateTime.parse("2025-06-27T17:00:00+07:00").toInstant();
    static final Instant CLOSING_DAY = OffsetDateTime.parse("2025-07-01T00:00:00+07:00").toInstant();
    static final Instant APPOINTMENT = OffsetDateTime.parse("2025-07-03T17:00:00+07:00").toInstant();

    final AlertSchedule schedule = new AlertSchedule(DueSoonPolicy.officeOpening());
    final DossierEvent dossier = DossierEvent.of("TR-1", "SADEC-P1", RECEIVED);

    @Test
    void anOverdueDossierMovesToTheSuccessorWithItsDeadlineAndTheAlertsAlreadySent() {
        TrackedDeadline overdue = schedule.fire(track(dossier.received(1, DUE_AT)), DUE_AT.plusSeconds(5)).deadline();
        TrackedDeadline apologised = apply(overdue, dossier.apology(2, DUE_AT.plusSeconds(60), DUE_AT, APPOINTMENT));
        assertThat(apologised.overdueSentFor()).isEqualTo(DUE_AT);

        TrackedDeadline moved = apply(apologised, dossier.transferred(3, CLOSING_DAY, DUE_AT, "SADEC-PSD"));
        assertThat(moved.unitCode()).isEqualTo("SADEC-PSD");
        assertThat(moved).usingRecursiveComparison().ignoringFields("unitCode", "sequence").isEqualTo(apologised);
        assertThat(schedule.fire(moved, CLOSING_DAY.plusSeconds(1)).toSend()).as("no overdue again").isEmpty();

        AlertSchedule.Firing missed = schedule.fire(moved, APPOINTMENT.plusSeconds(1));
        assertThat(missed.toSend()).extracting(PlannedAlert::type).containsExactly(EventTypes.APPOINTMENT_MISSED);
        CloudEvent alert = AlertEvents.toEvent(moved, missed.toSend().get(0), APPOINTMENT.plusSeconds(1));
        AlertData data = EventCodec.alertData(EventCodec.read(EventCodec.write(alert)));
        assertThat(data.unitCode()).isEqualTo("SADEC-PSD");
    }

    @Test
    void aPausedDossierStaysPausedAndARedeliveryChangesNothing() {
        TrackedDeadline paused = apply(track(dossier.received(1, DUE_AT)),
                dossier.supplementRequested(2, RECEIVED.plusSeconds(3600), DUE_AT));
        CloudEvent transferred = dossier.transferred(3, CLOSING_DAY, DUE_AT, "SADEC-PSD");
        TrackedDeadline moved = apply(paused, transferred);
        assertThat(moved.paused()).isTrue();
        assertThat(moved.unitCode()).isEqualTo("SADEC-PSD");
        assertThat(schedule.next(moved)).isEmpty();

        assertThat(apply(moved, transferred)).isSameAs(moved);
        assertThat(apply(moved, dossier.received(1, DUE_AT))).as("old news from the old unit").isSameAs(moved);
    }

    @Test
    void aClosedDossierStaysWhereItClosedAndAnUnknownOneIsTrackedAtTheSuccessor() {
        TrackedDeadline resolved = apply(track(dossier.received(1, DUE_AT)),
                dossier.resolved(2, DUE_AT.minusSeconds(3600), DUE_AT));
        assertThat(apply(resolved, dossier.transferred(3, CLOSING_DAY, DUE_AT, "SADEC-PSD"))).isSameAs(resolved);

        // Its earlier events not read yet (or gone from the topic): the event carries the whole picture.
        TrackedDeadline first = track(dossier.transferred(3, CLOSING_DAY, DUE_AT, "SADEC-PSD"));
        assertThat(first.unitCode()).isEqualTo("SADEC-PSD");
        assertThat(first.dueAt()).isEqualTo(DUE_AT);
        assertThat(first.sequence()).isEqualTo(3);
    }

    private static TrackedDeadline track(CloudEvent event) {
        return TrackedDeadline.first(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }

    private static TrackedDeadline apply(TrackedDeadline deadline, CloudEvent event) {
        return deadline.apply(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }
}
