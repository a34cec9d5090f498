package vn.motcua.deadline.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert rules without I/O: which alert falls due when, and that each goes out once per due instant. */
class AlertScheduleTest {

    static final Instant RECEIVED = OffsetDateTime.parse("2022-01-05T08:30:00+07:00").toInstant();
    static final Instant DUE_AT = OffsetDateTime.parse("2022-01-14T17:00:00+07:00").toInstant();
    static final Instant OFFICE_OPENS_ON_DUE_DATE = OffsetDateTime.parse("2022-01-14T07:30:00+07:00").toInstant();

    final AlertSchedule schedule = new AlertSchedule(DueSoonPolicy.officeOpening());
    final DossierEvent dossier = DossierEvent.of("D-1", "SADEC-P1", RECEIVED);

    @Test
    void dueSoonDefaultsToOfficeOpeningOnTheDueDateThenOverdueRightAfterDueAt() {
        TrackedDeadline open = track(dossier.received(1, DUE_AT));

        assertThat(schedule.next(open)).hasValue(new PlannedAlert(EventTypes.DUE_SOON, OFFICE_OPENS_ON_DUE_DATE, DUE_AT));
        assertThat(schedule.fire(open, OFFICE_OPENS_ON_DUE_DATE.minusSeconds(1)).toSend()).isEmpty();

        AlertSchedule.Firing morning = schedule.fire(open, OFFICE_OPENS_ON_DUE_DATE);
        assertThat(morning.toSend()).extracting(PlannedAlert::type).containsExactly(EventTypes.DUE_SOON);
        assertThat(morning.nextAlertAt()).isAfter(DUE_AT).isBefore(DUE_AT.plusMillis(1));

        assertThat(schedule.fire(morning.deadline(), DUE_AT).toSend()).isEmpty();
        AlertSchedule.Firing late = schedule.fire(morning.deadline(), DUE_AT.plusMillis(1));
        assertThat(late.toSend()).extracting(PlannedAlert::type).containsExactly(EventTypes.OVERDUE);
        assertThat(late.nextAlertAt()).isNull();
        assertThat(schedule.fire(late.deadline(), DUE_AT.plus(Duration.ofDays(30))).toSend()).isEmpty();
    }

    @Test
    void aConfiguredLeadMovesDueSoon() {
        AlertSchedule withLead = new AlertSchedule(DueSoonPolicy.leadOf(Duration.ofHours(2)));
        assertThat(withLead.next(track(dossier.received(1, DUE_AT)))).get()
                .extracting(PlannedAlert::at).isEqualTo(DUE_AT.minus(Duration.ofHours(2)));
    }

    @Test
    void aDossierFoundPastDueAtGetsOnlyTheOverdueAlert() {
        AlertSchedule.Firing firing = schedule.fire(track(dossier.received(1, DUE_AT)), DUE_AT.plusSeconds(3600));
        assertThat(firing.toSend()).extracting(PlannedAlert::type).containsExactly(EventTypes.OVERDUE);
    }

    @Test
    void closedAndPausedDossiersNeverAlert() {
        TrackedDeadline open = track(dossier.received(1, DUE_AT));
        Instant now = DUE_AT.plusSeconds(60);
        assertThat(schedule.next(apply(open, dossier.resolved(2, DUE_AT.minusSeconds(60), DUE_AT)))).isEmpty();
        assertThat(schedule.next(apply(open, dossier.withdrawn(2, DUE_AT.minusSeconds(60), DUE_AT)))).isEmpty();
        TrackedDeadline paused = apply(open, dossier.supplementRequested(2, RECEIVED.plusSeconds(3600), DUE_AT));
        assertThat(paused.paused()).isTrue();
        assertThat(schedule.fire(paused, now).toSend()).isEmpty();
    }

    @Test
    void aResumeReschedulesToTheNewDueAtAndAlertsForItOnce() {
        Instant newDueAt = DUE_AT.plus(Duration.ofDays(4));
        TrackedDeadline open = track(dossier.received(1, DUE_AT));
        TrackedDeadline resumed = apply(apply(open, dossier.supplementRequested(2, RECEIVED.plusSeconds(3600), DUE_AT)),
                dossier.supplementReceived(3, DUE_AT.minusSeconds(3600), newDueAt));

        assertThat(schedule.fire(resumed, DUE_AT.plusSeconds(60)).toSend()).isEmpty();
        assertThat(schedule.fire(resumed, newDueAt.plusSeconds(1)).toSend())
                .containsExactly(new PlannedAlert(EventTypes.OVERDUE, newDueAt.plus(AlertSchedule.FIRST_INSTANT_AFTER), newDueAt));
    }

    @Test
    void aSupplementRequestAfterDueAtDoesNotStopTheClock() {
        TrackedDeadline open = track(dossier.received(1, DUE_AT));
        TrackedDeadline requested = apply(open, dossier.supplementRequested(2, DUE_AT.plusSeconds(600), DUE_AT));
        assertThat(requested.paused()).isFalse();
        assertThat(schedule.fire(requested, DUE_AT.plusSeconds(700)).toSend()).extracting(PlannedAlert::type)
                .containsExactly(EventTypes.OVERDUE);
    }

    @Test
    void anApologysNewDateAlertsWhenItPassesWhileStillOpen() {
        Instant appointment = DUE_AT.plus(Duration.ofDays(4));
        TrackedDeadline overdueSent = schedule.fire(track(dossier.received(1, DUE_AT)), DUE_AT.plusSeconds(1)).deadline();
        TrackedDeadline apologised = apply(overdueSent, dossier.apology(2, DUE_AT.plusSeconds(60), DUE_AT, appointment));

        assertThat(schedule.fire(apologised, appointment).toSend()).isEmpty();
        AlertSchedule.Firing missed = schedule.fire(apologised, appointment.plusSeconds(1));
        assertThat(missed.toSend()).containsExactly(new PlannedAlert(EventTypes.APPOINTMENT_MISSED,
                appointment.plus(AlertSchedule.FIRST_INSTANT_AFTER), appointment));
        assertThat(schedule.fire(missed.deadline(), appointment.plusSeconds(3600)).toSend()).isEmpty();
    }

    @Test
    void olderAndRepeatedEventsChangeNothingAndClosedIsFinal() {
        TrackedDeadline resolved = apply(track(dossier.received(1, DUE_AT)), dossier.resolved(3, DUE_AT.minusSeconds(60), DUE_AT));
        assertThat(apply(resolved, dossier.supplementReceived(2, RECEIVED, DUE_AT))).isSameAs(resolved);
        assertThat(apply(resolved, dossier.resolved(3, DUE_AT.minusSeconds(60), DUE_AT))).isSameAs(resolved);
        assertThat(apply(resolved, dossier.received(4, DUE_AT))).isSameAs(resolved);

        // Out of order: the later event first, then the older one is ignored.
        TrackedDeadline fromLater = track(dossier.withdrawn(2, RECEIVED.plusSeconds(60), DUE_AT));
        assertThat(apply(fromLater, dossier.received(1, DUE_AT))).isSameAs(fromLater);
        assertThat(schedule.next(fromLater)).isEmpty();
    }

    private static TrackedDeadline track(CloudEvent event) {
        return TrackedDeadline.first(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }

    private static TrackedDeadline apply(TrackedDeadline deadline, CloudEvent event) {
        return deadline.apply(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }
}
