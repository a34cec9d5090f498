package vn.motcua.deadline.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * dossier.due-date-changed without I/O: the tracked deadline takes the new due instant (sequence guard, closed stays
 * closed, paused stays paused), keeps the provisional flag, and the alerts are planned from the new instant.
 */
class DueDateChangeTest {

    static final Instant RECEIVED = OffsetDateTime.parse("2026-12-21T08:30:00+07:00").toInstant();
    static final Instant OLD_DUE_AT = OffsetDateTime.parse("2027-01-04T17:00:00+07:00").toInstant();
    static final Instant NEW_DUE_AT = OffsetDateTime.parse("2027-01-06T17:00:00+07:00").toInstant();
    static final Instant CHANGED = OffsetDateTime.parse("2026-12-28T10:00:00+07:00").toInstant();

    final AlertSchedule schedule = new AlertSchedule(DueSoonPolicy.officeOpening());
    final DossierEvent dossier = DossierEvent.of("DDC-1", "SADEC-P1", RECEIVED);

    @Test
    void theDeadlineMovesToTheNewDueInstantAndTheOldOneNeverAlertsOverdue() {
        TrackedDeadline open = track(DossierEvent.provisional(dossier.received(1, OLD_DUE_AT), true));
        assertThat(open.dueDateProvisional()).isTrue();

        TrackedDeadline moved = apply(open, dossier.dueDateChanged(2, CHANGED, OLD_DUE_AT, NEW_DUE_AT, false));
        assertThat(moved.dueAt()).isEqualTo(NEW_DUE_AT);
        assertThat(moved.dueDate()).isEqualTo(NEW_DUE_AT.atZone(VietnamTime.ZONE).toLocalDate());
        assertThat(moved.sequence()).isEqualTo(2);
        assertThat(moved.dueDateProvisional()).isFalse();
        assertThat(moved.isRunning()).isTrue();

        assertThat(schedule.fire(moved, OLD_DUE_AT.plusSeconds(60)).toSend()).as("nothing for the old instant")
                .isEmpty();
        assertThat(schedule.fire(moved, NEW_DUE_AT.plusSeconds(1)).toSend())
                .containsExactly(new PlannedAlert(EventTypes.OVERDUE, NEW_DUE_AT.plus(AlertSchedule.FIRST_INSTANT_AFTER),
                        NEW_DUE_AT));
    }

    @Test
    void movedEarlierPastNowItAlertsOverdueForTheNewInstantOnly() {
        Instant earlier = OLD_DUE_AT.minus(Duration.ofDays(1));
        TrackedDeadline open = track(dossier.received(1, OLD_DUE_AT));
        TrackedDeadline afterDueSoon = schedule.fire(open, OLD_DUE_AT.minusSeconds(3600)).deadline();
        assertThat(afterDueSoon.dueSoonSentFor()).isEqualTo(OLD_DUE_AT);

        TrackedDeadline moved = apply(afterDueSoon, dossier.dueDateChanged(2, CHANGED, OLD_DUE_AT, earlier, true));
        assertThat(moved.dueDateProvisional()).isTrue();
        AlertSchedule.Firing firing = schedule.fire(moved, earlier.plusSeconds(1));
        assertThat(firing.toSend()).extracting(PlannedAlert::type, PlannedAlert::about)
                .containsExactly(tuple(EventTypes.OVERDUE, earlier));
        assertThat(firing.nextAlertAt()).isNull();
    }

    @Test
    void aStaleChangeIsIgnoredAClosedDossierStaysClosedAndAPausedOneStaysPaused() {
        TrackedDeadline later = apply(track(dossier.received(1, OLD_DUE_AT)),
                dossier.supplementReceived(3, CHANGED, OLD_DUE_AT.plus(Duration.ofDays(3))));
        assertThat(apply(later, dossier.dueDateChanged(2, CHANGED, OLD_DUE_AT, NEW_DUE_AT, false))).isSameAs(later);

        TrackedDeadline resolved = apply(track(dossier.received(1, OLD_DUE_AT)),
                dossier.resolved(2, CHANGED, OLD_DUE_AT));
        TrackedDeadline stillResolved = apply(resolved, dossier.dueDateChanged(3, CHANGED, OLD_DUE_AT, NEW_DUE_AT, false));
        assertThat(stillResolved).isSameAs(resolved);
        assertThat(schedule.next(stillResolved)).isEmpty();

        TrackedDeadline paused = apply(track(dossier.received(1, OLD_DUE_AT)),
                dossier.supplementRequested(2, RECEIVED.plusSeconds(3600), OLD_DUE_AT));
        TrackedDeadline movedWhilePaused = apply(paused, dossier.dueDateChanged(3, CHANGED, OLD_DUE_AT, NEW_DUE_AT, true));
        assertThat(movedWhilePaused.paused()).isTrue();
        assertThat(movedWhilePaused.dueAt()).isEqualTo(NEW_DUE_AT);
        assertThat(movedWhilePaused.dueDateProvisional()).isTrue();
        assertThat(schedule.next(movedWhilePaused)).isEmpty();
    }

    @Test
    void theFlagFollowsTheLatestEventAndAClosingEventThatDoesNotSayKeepsIt() {
        TrackedDeadline provisional = track(DossierEvent.provisional(dossier.received(1, OLD_DUE_AT), true));
        TrackedDeadline olderProducer = apply(provisional, dossier.apology(2, CHANGED, OLD_DUE_AT, NEW_DUE_AT));
        assertThat(olderProducer.dueDateProvisional()).as("an event with a deadline but no flag: absent = false")
                .isFalse();

        CloudEvent withdrawn = dossier.withdrawn(2, CHANGED, OLD_DUE_AT);
        ((ObjectNode) withdrawn.data()).remove(List.of("dueAt", "dueDate")); // a closing event need not carry one
        assertThat(apply(provisional, withdrawn).dueDateProvisional()).isTrue();
    }

    @Test
    void theAlertCarriesTheFlagOnlyWhenTheDueDateIsProvisional() {
        TrackedDeadline provisional = track(DossierEvent.provisional(dossier.received(1, OLD_DUE_AT), true));
        PlannedAlert overdue = new PlannedAlert(EventTypes.OVERDUE, OLD_DUE_AT.plusNanos(1000), OLD_DUE_AT);
        CloudEvent alert = EventCodec.read(EventCodec.write(AlertEvents.toEvent(provisional, overdue,
                OLD_DUE_AT.plusSeconds(5))));
        assertThat(EventCodec.alertData(alert).dueDateProvisional()).isTrue();
        assertThat(alert.data().get("dueDateProvisional").booleanValue()).isTrue();

        TrackedDeadline firm = track(dossier.received(1, OLD_DUE_AT));
        CloudEvent firmAlert = EventCodec.read(EventCodec.write(AlertEvents.toEvent(firm, overdue, OLD_DUE_AT.plusSeconds(5))));
        assertThat(firmAlert.data().has("dueDateProvisional")).isFalse();
        assertThat(EventCodec.alertData(firmAlert).provisional()).isFalse();
    }

    private static TrackedDeadline track(CloudEvent event) {
        return TrackedDeadline.first(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }

    private static TrackedDeadline apply(TrackedDeadline deadline, CloudEvent event) {
        return deadline.apply(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }
}
