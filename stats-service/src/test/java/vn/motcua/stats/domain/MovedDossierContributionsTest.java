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

/**
 * A dossier moved by {@code dossier.transferred} when its unit closed on 1 July 2025 (docs/time-and-counting.md,
 * "Counting units over time"): in a period it counts under the unit that handled it at the end of the period, or
 * when it closed if it closed in it; the rest of its figures are as if it had not moved.
 */
class MovedDossierContributionsTest {

    static final String OLD = "DT-SADEC-P1";
    static final String NEW = "DT-PSADEC";
    static final Instant RECEIVED = at("2025-05-10T09:00:00");
    static final Instant DUE = at("2025-07-20T17:00:00");
    static final Instant CLOSING_DAY = at("2025-07-01T00:00:00");

    static final Observation IN = step(1, EventTypes.RECEIVED, RECEIVED, OLD, null);
    static final Observation MOVED = new Observation("e2", 2, EventTypes.TRANSFERRED, at("2025-07-01T00:00:05"), NEW,
            Channel.DIRECT, null, RECEIVED, DUE, null, "1.001612", null, null, null, OLD, CLOSING_DAY);

    @Test
    void beforeTheTransferAtTheOldUnitFromItsPeriodAtTheSuccessor() {
        Map<TotalsKey, Counts> c = Contributions.of(DossierFacts.derive("D", List.of(MOVED, IN),
                at("2025-10-02T08:00:00")));
        Map<Counter, Long> newPending = Map.of(Counter.NEW_DIRECT_OR_POSTAL, 1L, Counter.PENDING_WITHIN_DEADLINE, 1L);
        Map<Counter, Long> carriedOverdue = Map.of(Counter.CARRIED_OVER, 1L, Counter.PENDING_OVERDUE, 1L);
        // the period before: at the old unit, new and pending
        assertThat(c.get(key(OLD, "2025-H1"))).extracting(Counts::asMap).isEqualTo(newPending);
        assertThat(c.get(key(OLD, "2025-Q2"))).extracting(Counts::asMap).isEqualTo(newPending);
        assertThat(c.get(key(OLD, "2025-Q2.c15"))).extracting(Counts::asMap).isEqualTo(newPending);
        // the period holding the transfer: wholly at the successor, carried over (received before it) ...
        assertThat(c.get(key(NEW, "2025-H2"))).extracting(Counts::asMap).isEqualTo(carriedOverdue);
        assertThat(c.get(key(NEW, "2025-Q3"))).extracting(Counts::asMap).isEqualTo(carriedOverdue);
        assertThat(c.get(key(NEW, "2025-H2.c15"))).extracting(Counts::asMap).isEqualTo(carriedOverdue);
        // ... or new (received in it)
        assertThat(c.get(key(NEW, "2025"))).extracting(Counts::asMap)
                .isEqualTo(Map.of(Counter.NEW_DIRECT_OR_POSTAL, 1L, Counter.PENDING_OVERDUE, 1L));
        assertThat(c.get(key(NEW, "2025.c15"))).extracting(Counts::asMap)
                .isEqualTo(Map.of(Counter.NEW_DIRECT_OR_POSTAL, 1L, Counter.PENDING_OVERDUE, 1L));
        // the periods after: at the successor
        assertThat(c.get(key(NEW, "2025-Q4"))).extracting(Counts::asMap).isEqualTo(carriedOverdue);
        assertThat(c.keySet()).extracting(TotalsKey::unit).as("the old unit only before the transfer")
                .filteredOn(OLD::equals).hasSize(4); // 2025-H1, 2025-Q2 and their cut-off namesakes
        assertThat(c).doesNotContainKeys(key(OLD, "2025-H2"), key(OLD, "2025"), key(NEW, "2025-H1"));
    }

    /** Resolved at the successor: its period counts it there; the one before still has it pending at the old unit. */
    @Test
    void resolvedAtTheSuccessor() {
        Observation resolved = step(3, EventTypes.RESOLVED, at("2025-07-10T10:00:00"), NEW, Timeliness.EARLY);
        Map<TotalsKey, Counts> c = Contributions.of(DossierFacts.derive("D", List.of(IN, MOVED, resolved), null));
        assertThat(c.get(key(OLD, "2025-H1"))).extracting(Counts::asMap).isEqualTo(Map.of(
                Counter.NEW_DIRECT_OR_POSTAL, 1L, Counter.PENDING_WITHIN_DEADLINE, 1L));
        assertThat(c.get(key(NEW, "2025-H2"))).extracting(Counts::asMap).isEqualTo(Map.of(
                Counter.CARRIED_OVER, 1L, Counter.RESOLVED_EARLY, 1L));
        assertThat(c.get(key(NEW, "2025"))).extracting(Counts::asMap).isEqualTo(Map.of(
                Counter.NEW_DIRECT_OR_POSTAL, 1L, Counter.RESOLVED_EARLY, 1L));
    }

    /**
     * The transfer changes nothing of the deadline: the same dueAt, a stopped clock stays stopped (a supplement
     * asked for before the closing day), and only its time advances the clock.
     */
    @Test
    void theTransferLeavesTheDeadlineTimelineAsItWas() {
        Observation requested = step(2, EventTypes.SUPPLEMENT_REQUESTED, at("2025-06-20T10:00:00"), OLD, null);
        Observation moved = new Observation("e3", 3, EventTypes.TRANSFERRED, at("2025-07-01T00:00:05"), NEW,
                Channel.DIRECT, null, RECEIVED, null, null, "1.001612", null, null, null, OLD, CLOSING_DAY);
        DossierFacts facts = DossierFacts.derive("D", List.of(IN, requested, moved), null);
        assertThat(facts.timeline()).extracting(DossierFacts.DeadlineState::dueAt).containsExactly(DUE, DUE, DUE);
        assertThat(facts.timeline()).extracting(DossierFacts.DeadlineState::paused)
                .containsExactly(false, true, true);
        assertThat(facts.clock()).isEqualTo(at("2025-07-01T00:00:05"));
        assertThat(facts.unit()).isEqualTo(NEW);
        assertThat(facts.unitAt(CLOSING_DAY.minusMillis(1))).isEqualTo(OLD);
        // paused past dueAt: within the deadline at the successor, as it was at the old unit
        DossierFacts later = DossierFacts.derive("D", List.of(IN, requested, moved), at("2025-08-01T08:00:00"));
        assertThat(Contributions.of(later).get(key(NEW, "2025-Q3")).asMap()).isEqualTo(Map.of(
                Counter.CARRIED_OVER, 1L, Counter.PENDING_WITHIN_DEADLINE, 1L));
        assertThat(later.nextTickAt()).isEqualTo(at("2025-09-15T00:00:00"));
    }

    /** The same transfer twice is one observation; before it arrives, the dossier counts at the unit it names. */
    @Test
    void aTransferIsObservedOnce() {
        DossierRecord record = DossierRecord.empty("D").withObservation(IN).withObservation(MOVED);
        assertThat(record.withObservation(MOVED)).isSameAs(record);
        assertThat(DossierFacts.derive("D", List.of(IN), null).unitAt(at("2025-12-31T00:00:00"))).isEqualTo(OLD);
    }

    /**
     * The receiving counter keeps the totals apart only when it is another unit, so documents of dossiers received
     * at their own unit keep their ids; a transfer does not change it.
     */
    @Test
    void theReceivingCounterIsPartOfTheKeyOnlyWhenItIsAnotherUnit() {
        Map<TotalsKey, Counts> own = Contributions.of(DossierFacts.derive("D", List.of(IN, MOVED), null));
        assertThat(own.keySet()).allSatisfy(key -> assertThat(key.receivingUnit()).isEqualTo(
                key.unit().equals(OLD) ? null : OLD));
        assertThat(key(OLD, "2025-H1").id()).isEqualTo(OLD + "|1.001612|2025-H1");
        assertThat(new TotalsKey(NEW, "1.001612", "2025-H2", OLD).id()).isEqualTo(NEW + "|1.001612|2025-H2|" + OLD);
        assertThat(new TotalsKey(OLD, "1.001612", "2025-H2", OLD)).isEqualTo(key(OLD, "2025-H2"));

        Observation atCounter = new Observation("e1", 1, EventTypes.RECEIVED, RECEIVED, OLD, Channel.DIRECT, null,
                RECEIVED, DUE, null, "1.001612", null, null, "DT", null, null);
        DossierFacts facts = DossierFacts.derive("D", List.of(atCounter), null);
        assertThat(facts.receivingUnit()).isEqualTo("DT");
        assertThat(Contributions.of(facts)).containsKey(new TotalsKey(OLD, "1.001612", "2025-H1", "DT"));
    }

    private static TotalsKey key(String unit, String period) {
        return new TotalsKey(unit, "1.001612", period, OLD);
    }

    private static Observation step(long sequence, String type, Instant time, String unit, Timeliness timeliness) {
        return new Observation("e" + sequence, sequence, type, time, unit, Channel.DIRECT, null, RECEIVED, DUE,
                timeliness, "1.001612", null, null);
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }
}
