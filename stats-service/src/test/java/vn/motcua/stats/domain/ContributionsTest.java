package vn.motcua.stats.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;

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

        assertThat(c.get(new TotalsKey("SADEC-P1", "2022-H1")).asMap()).isEqualTo(Map.of(
                Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.PENDING_OVERDUE, 1L));
        assertThat(c.get(new TotalsKey("SADEC-P1", "2022-Q3")).asMap()).isEqualTo(Map.of(
                Counter.CARRIED_OVER, 1L, Counter.RESOLVED_LATE, 1L));
        assertThat(c.get(new TotalsKey("SADEC-P1", "2022")).asMap()).isEqualTo(Map.of(
                Counter.NEW_ONLINE, 1L, Counter.ONLINE_LEVEL4, 1L, Counter.RESOLVED_LATE, 1L));
        assertThat(c).doesNotContainKey(new TotalsKey("SADEC-P1", "2022-Q4"));
    }

    @Test
    void withinTheDeadlineUntilTheClockPassesDueAt() {
        Observation received = observation(1, EventTypes.RECEIVED, RECEIVED, null);
        DossierFacts beforeDue = DossierFacts.derive("D", List.of(received), at("2022-06-20T16:00:00"));
        DossierFacts afterDue = DossierFacts.derive("D", List.of(received), at("2022-06-21T08:00:00"));

        assertThat(Contributions.of(beforeDue).get(new TotalsKey("SADEC-P1", "2022-Q2")).get(Counter.PENDING_WITHIN_DEADLINE)).isEqualTo(1);
        assertThat(Contributions.of(afterDue).get(new TotalsKey("SADEC-P1", "2022-Q2")).get(Counter.PENDING_OVERDUE)).isEqualTo(1);
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

        assertThat(Contributions.of(paused).get(new TotalsKey("SADEC-P1", "2022-H1")).get(Counter.PENDING_WITHIN_DEADLINE)).isEqualTo(1);
        assertThat(Contributions.of(lateRequest).get(new TotalsKey("SADEC-P1", "2022-H1")).get(Counter.PENDING_OVERDUE)).isEqualTo(1);
    }

    private static Observation observation(long sequence, String type, Instant time, Timeliness timeliness) {
        return new Observation("e" + sequence, sequence, type, time, "SADEC-P1", Channel.ONLINE, 4, RECEIVED, DUE,
                timeliness);
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }
}
