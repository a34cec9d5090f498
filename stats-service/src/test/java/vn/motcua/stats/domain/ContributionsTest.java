package vn.motcua.stats.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One dossier across a period boundary, the way form 06 counts it. */
class ContributionsTest {

    static final Instant RECEIVED = at("2022-05-10T09:00:00");
    static final Instant DUE = at("2022-06-20T17:00:00");

    @Test
    void pendingOverdueAtHalfYearEndIsCarriedOverAndResolvedLateInTheNext() {
        Observation received = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        Observation resolved = observation(2, EventTypes.RESOLVED, at("2022-07-05T10:00:00"), Timeliness.LATE);
        Map<TotalsKey, Counts> c = Contributions.of(DossierFacts.derive("D", List.of(resolved, received), null));

        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2022-H1")).asMap()).isEqualTo(Map.of(
                Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.PENDING_OVERDUE, 1L));
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2022-Q3")).asMap()).isEqualTo(Map.of(
                Counter.CARRIED_OVER, 1L, Counter.RESOLVED_LATE, 1L));
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2022")).asMap()).isEqualTo(Map.of(
                Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.RESOLVED_LATE, 1L));
        assertThat(c).doesNotContainKey(new TotalsKey("SADEC-P1", "1.001612", "2022-Q4"));
    }

    @Test
    void withinTheDeadlineUntilTheClockPassesDueAt() {
        Observation received = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        DossierFacts beforeDue = DossierFacts.derive("D", List.of(received), at("2022-06-20T16:00:00"));
        DossierFacts afterDue = DossierFacts.derive("D", List.of(received), at("2022-06-21T08:00:00"));

        assertThat(Contributions.of(beforeDue).get(new TotalsKey("SADEC-P1", "1.001612", "2022-Q2")).get(Counter.PENDING_WITHIN_DEADLINE)).isEqualTo(1);
        assertThat(Contributions.of(afterDue).get(new TotalsKey("SADEC-P1", "1.001612", "2022-Q2")).get(Counter.PENDING_OVERDUE)).isEqualTo(1);
        assertThat(beforeDue.nextTickAt()).isEqualTo(DUE.plusMillis(1));
    }

    @Test
    void pausedForASupplementStaysWithinTheDeadlineButALateRequestDoesNotPause() {
        Observation received = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        Instant end = at("2022-06-30T12:00:00");
        DossierFacts paused = DossierFacts.derive("D", List.of(received,
                observation(2, EventTypes.SUPPLEMENT_REQUESTED, at("2022-06-01T10:00:00"), null)), end);
        DossierFacts lateRequest = DossierFacts.derive("D", List.of(received,
                observation(2, EventTypes.SUPPLEMENT_REQUESTED, at("2022-06-25T10:00:00"), null)), end);

        assertThat(Contributions.of(paused).get(new TotalsKey("SADEC-P1", "1.001612", "2022-H1")).get(Counter.PENDING_WITHIN_DEADLINE)).isEqualTo(1);
        assertThat(Contributions.of(lateRequest).get(new TotalsKey("SADEC-P1", "1.001612", "2022-H1")).get(Counter.PENDING_OVERDUE)).isEqualTo(1);
    }

    /**
     * Received 13/12/2021, resolved 16/12/2021 early, delivered electronically after 3 working days: all of it in
     * 2021-H2 by the calendar; received in 2021-H2.c15 (open at its end, 14/12) and carried into 2022-H1.c15, where it
     * is resolved with its handling time and delivery.
     */
    @Test
    void aDossierAcrossTheCutOffEdgeCountsInBothConventions() {
        Instant received = at("2021-12-13T09:00:00");
        Observation in = new Observation("e1", 1, EventTypes.RECEIVED, received, "SADEC-P1", Channel.ONLINE, 4,
                received, at("2021-12-20T17:00:00"), null, "1.001612", null, null);
        Observation out = new Observation("e2", 2, EventTypes.RESOLVED, at("2021-12-16T10:00:00"), "SADEC-P1",
                Channel.ONLINE, 4, received, at("2021-12-20T17:00:00"), Timeliness.EARLY, "1.001612",
                ResultDelivery.ELECTRONIC, 3);
        Map<TotalsKey, Counts> c = Contributions.of(DossierFacts.derive("D", List.of(in, out), null));

        Map<Counter, Long> newAndResolved = Map.of(Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L,
                Counter.RESOLVED_EARLY, 1L, Counter.HANDLING_DAYS_SUM, 3L, Counter.HANDLING_MEASURED, 1L,
                Counter.RESULT_ELECTRONIC, 1L);
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2021-H2")).asMap()).isEqualTo(newAndResolved);
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2021")).asMap()).isEqualTo(newAndResolved);
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2021-H2.c15")).asMap()).isEqualTo(Map.of(
                Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.PENDING_WITHIN_DEADLINE, 1L));
        Map<Counter, Long> carriedAndResolved = Map.of(Counter.CARRIED_OVER, 1L, Counter.RESOLVED_EARLY, 1L,
                Counter.HANDLING_DAYS_SUM, 3L, Counter.HANDLING_MEASURED, 1L, Counter.RESULT_ELECTRONIC, 1L);
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2022-H1.c15")).asMap()).isEqualTo(carriedAndResolved);
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2022-Q1.c15")).asMap()).isEqualTo(carriedAndResolved);
        assertThat(c.get(new TotalsKey("SADEC-P1", "1.001612", "2022.c15")).asMap()).isEqualTo(carriedAndResolved);
        assertThat(c).doesNotContainKey(new TotalsKey("SADEC-P1", "1.001612", "2022-H1"));
        assertThat(c).hasSize(3 + 3 + 3); // 2021, H2, Q4; 2021.c15, H2.c15, Q4.c15; 2022.c15, H1.c15, Q1.c15
    }

    /** A withdrawal has neither handling time nor delivery; a resolution without them adds neither counter. */
    @Test
    void onlyResolutionsThatCarryThemAddHandlingTimeAndDelivery() {
        Observation in = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        Observation resolvedBare = observation(2, EventTypes.RESOLVED, at("2022-05-12T10:00:00"), Timeliness.EARLY);
        Observation resolvedSameDay = new Observation("e2", 2, EventTypes.RESOLVED, at("2022-05-10T16:00:00"),
                "SADEC-P1", Channel.ONLINE, 4, RECEIVED, DUE, Timeliness.EARLY, "1.001612", ResultDelivery.POSTAL, 0);
        TotalsKey h1 = new TotalsKey("SADEC-P1", "1.001612", "2022-H1");

        assertThat(Contributions.of(DossierFacts.derive("D", List.of(in, resolvedBare), null)).get(h1).asMap())
                .isEqualTo(Map.of(Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.RESOLVED_EARLY, 1L));
        assertThat(Contributions.of(DossierFacts.derive("D", List.of(in, resolvedSameDay), null)).get(h1).asMap())
                .isEqualTo(Map.of(Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.RESOLVED_EARLY, 1L,
                        Counter.HANDLING_MEASURED, 1L, Counter.RESULT_POSTAL, 1L));
    }

    /** A dossier stored by an older build has no procedure: it counts under "?" until an event names one. */
    @Test
    void withoutAProcedureItCountsUnderTheUnknownOne() {
        Observation old = new Observation("e1", 1, EventTypes.RECEIVED, RECEIVED, "SADEC-P1", Channel.ONLINE, 4,
                RECEIVED, DUE, null, null, null, null);
        assertThat(Contributions.of(DossierFacts.derive("D", List.of(old), RECEIVED)))
                .containsKey(new TotalsKey("SADEC-P1", TotalsKey.NO_PROCEDURE, "2022-H1"));
        DossierRecord replayed = new DossierRecord("D", 1, List.of(old), null)
                .withObservation(observation(1, EventTypes.RECEIVED, RECEIVED, null));
        assertThat(replayed.facts().procedure()).isEqualTo("1.001612");
        assertThat(replayed.withObservation(observation(1, EventTypes.RECEIVED, RECEIVED, null))).isSameAs(replayed);
    }

    /**
     * Due 20/06 on the Labour Code rule, moved to 24/06 by the official schedule (published 15/06); resolved 24/06:
     * on time against the new date, where the old one would have made it late, whether intake's verdict is on the
     * event or the projection works it out.
     */
    @Test
    void aResolutionBetweenTheOldAndTheNewDueDateIsOnTime() {
        Instant newDue = at("2022-06-24T17:00:00");
        Observation received = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        Observation changed = observation(2, EventTypes.DUE_DATE_CHANGED, at("2022-06-15T10:00:00"), null, newDue);
        TotalsKey q2 = new TotalsKey("SADEC-P1", "1.001612", "2022-Q2");

        Observation oldDateResolution = observation(2, EventTypes.RESOLVED, at("2022-06-24T10:00:00"), null);
        assertThat(Contributions.of(DossierFacts.derive("D", List.of(received, oldDateResolution), null)).get(q2)
                .get(Counter.RESOLVED_LATE)).as("on the old date").isEqualTo(1);

        for (Timeliness verdict : java.util.Arrays.asList(Timeliness.ON_TIME, null)) {
            Observation resolved = observation(3, EventTypes.RESOLVED, at("2022-06-24T10:00:00"), verdict, newDue);
            Map<TotalsKey, Counts> c = Contributions.of(DossierFacts.derive("D", List.of(resolved, changed, received), null));
            assertThat(c.get(q2).asMap()).as("verdict " + verdict).isEqualTo(Map.of(Counter.NEW_ONLINE, 1L,
                    Counter.ONLINE_LEVEL4, 1L, Counter.RESOLVED_ON_TIME, 1L));
        }
    }

    /**
     * Pending, its clock past the old due date: overdue; the due date moved later, within the deadline, also in a
     * closed period that ended before the change was published (the new date corrects the old, it does not follow
     * it); the next tick is the first instant after the new due date. Moved earlier, it turns overdue.
     */
    @Test
    void aPendingDossierIsJudgedAgainstTheNewDueDate() {
        Instant received = at("2022-06-20T09:00:00");
        Instant oldDue = at("2022-06-29T17:00:00");
        Instant newDue = at("2022-07-04T17:00:00");
        Instant clock = at("2022-07-01T09:00:00");
        Observation in = observation(1, EventTypes.RECEIVED, received, null, oldDue, received);
        TotalsKey q2 = new TotalsKey("SADEC-P1", "1.001612", "2022-Q2");
        TotalsKey q3 = new TotalsKey("SADEC-P1", "1.001612", "2022-Q3");

        DossierFacts before = DossierFacts.derive("D", List.of(in), clock);
        assertThat(Contributions.of(before).get(q2).get(Counter.PENDING_OVERDUE)).isEqualTo(1);
        assertThat(Contributions.of(before).get(q3).get(Counter.PENDING_OVERDUE)).isEqualTo(1);

        Observation later = observation(2, EventTypes.DUE_DATE_CHANGED, at("2022-07-01T08:00:00"), null, newDue, received);
        DossierFacts moved = DossierFacts.derive("D", List.of(in, later), clock);
        assertThat(Contributions.of(moved).get(q2).asMap()).isEqualTo(Map.of(Counter.NEW_ONLINE, 1L,
                Counter.ONLINE_LEVEL4, 1L, Counter.PENDING_WITHIN_DEADLINE, 1L));
        assertThat(Contributions.of(moved).get(q3).asMap()).isEqualTo(Map.of(Counter.CARRIED_OVER, 1L,
                Counter.PENDING_WITHIN_DEADLINE, 1L));
        assertThat(moved.nextTickAt()).isEqualTo(newDue.plusMillis(1));
        assertThat(Contributions.of(DossierFacts.derive("D", List.of(in, later), newDue.plusMillis(1))).get(q3)
                .get(Counter.PENDING_OVERDUE)).isEqualTo(1);

        Observation earlier = observation(2, EventTypes.DUE_DATE_CHANGED, at("2022-06-27T08:00:00"), null,
                at("2022-06-27T17:00:00"), received);
        DossierFacts movedEarlier = DossierFacts.derive("D", List.of(in, earlier), at("2022-06-28T09:00:00"));
        assertThat(Contributions.of(movedEarlier).get(q2).get(Counter.PENDING_OVERDUE)).isEqualTo(1);
        assertThat(Contributions.of(DossierFacts.derive("D", List.of(in), at("2022-06-28T09:00:00"))).get(q2)
                .get(Counter.PENDING_WITHIN_DEADLINE)).isEqualTo(1);
    }

    /** Only the instant since the last restart is corrected; a change after the dossier closed changes nothing. */
    @Test
    void aChangeCorrectsOnlyTheCurrentDueInstantAndNotAClosedDossier() {
        Instant newDue = at("2022-06-27T17:00:00");
        Observation in = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        Observation requested = observation(2, EventTypes.SUPPLEMENT_REQUESTED, at("2022-06-01T10:00:00"), null);
        Observation resumed = observation(3, EventTypes.SUPPLEMENT_RECEIVED, at("2022-06-10T10:00:00"), null,
                at("2022-06-24T17:00:00"));
        Observation changed = observation(4, EventTypes.DUE_DATE_CHANGED, at("2022-06-12T10:00:00"), null, newDue);
        DossierFacts facts = DossierFacts.derive("D", List.of(in, requested, resumed, changed), at("2022-06-12T10:00:00"));
        assertThat(facts.timeline()).extracting(DossierFacts.DeadlineState::dueAt)
                .containsExactly(DUE, DUE, newDue, newDue);
        assertThat(facts.timeline()).extracting(DossierFacts.DeadlineState::paused)
                .containsExactly(false, true, false, false);

        Observation resolved = observation(2, EventTypes.RESOLVED, at("2022-06-22T10:00:00"), Timeliness.LATE);
        Observation afterClose = observation(3, EventTypes.DUE_DATE_CHANGED, at("2022-06-23T10:00:00"), null,
                at("2022-06-30T17:00:00"));
        Map<TotalsKey, Counts> closed = Contributions.of(DossierFacts.derive("D", List.of(in, resolved), null));
        assertThat(Contributions.of(DossierFacts.derive("D", List.of(in, resolved, afterClose), null)))
                .isEqualTo(closed);
    }

    /** Applying the same due-date-changed twice is one observation. */
    @Test
    void theSameChangeTwiceIsObservedOnce() {
        Observation changed = observation(2, EventTypes.DUE_DATE_CHANGED, at("2022-06-15T10:00:00"), null,
                at("2022-06-24T17:00:00"));
        DossierRecord once = DossierRecord.empty("D").withObservation(observation(1, EventTypes.RECEIVED, RECEIVED, null))
                .withObservation(changed);
        assertThat(once.withObservation(changed)).isSameAs(once);
    }

    private static Observation observation(long sequence, String type, Instant time, Timeliness timeliness,
                                           Instant dueAt) {
        return observation(sequence, type, time, timeliness, dueAt, RECEIVED);
    }

    private static Observation observation(long sequence, String type, Instant time, Timeliness timeliness,
                                           Instant dueAt, Instant receivedAt) {
        return new Observation("e" + sequence, sequence, type, time, "SADEC-P1", Channel.ONLINE, 4, receivedAt, dueAt,
                timeliness, "1.001612", null, null);
    }

    private static Observation observation(long sequence, String type, Instant time, Timeliness timeliness) {
        return new Observation("e" + sequence, sequence, type, time, "SADEC-P1", Channel.ONLINE, 4, RECEIVED, DUE,
                timeliness, "1.001612", null, null);
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }
}
