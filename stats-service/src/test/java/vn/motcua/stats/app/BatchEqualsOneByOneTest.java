package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.domain.Contributions;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.Observation;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Projection;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch path gives what the one-by-one path gives: seeded random histories, some events twice and out of
 * order, applied event by event into one database and in batches of random sizes (several events of a dossier in
 * one batch among them) into another, end with the same totals and the same dossiers. Each seed is a case; a
 * failure names it.
 */
@ExtendWith(RealInfrastructureExtension.class)
class BatchEqualsOneByOneTest {

    private static final Instant NOW = OffsetDateTime.parse("2023-08-20T15:00:00+07:00").toInstant();
    private static final int CASES = 6;

    private MongoClient client;
    private TestBed bed;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        this.client = MongoClients.create(bed.mongo().connectionString());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void batchesOfRandomSizesEndWhereEventByEventEnds() {
        for (int seed = 1; seed <= CASES; seed++) {
            Random random = new Random(1000 + seed);
            List<History> histories = new HistoryGenerator(2000 + seed, NOW).generate("B" + seed, 80);
            List<Events.Outgoing> events = new ArrayList<>(Events.of(histories));
            events.addAll(events.subList(0, events.size() / 4)); // a quarter of them twice
            Collections.shuffle(events, random);
            List<ConsumedEvent> consumed = Projection.consumed(events);

            Projection oneByOne = new Projection(client.getDatabase(bed.mongoDatabase() + "_one_" + seed));
            Projection batched = new Projection(client.getDatabase(bed.mongoDatabase() + "_batch_" + seed));
            oneByOne.oneByOne(consumed);
            int maxBatch = 1 + random.nextInt(120);
            int batches = 0;
            for (int from = 0; from < consumed.size(); batches++) {
                int to = Math.min(consumed.size(), from + 1 + random.nextInt(maxBatch));
                batched.handler().handleBatch(consumed.subList(from, to));
                from = to;
            }

            String scenario = "seed " + seed + " (" + events.size() + " events in " + batches + " batches)";
            assertThat(nonEmpty(batched.totals().all())).as(scenario).isEqualTo(nonEmpty(oneByOne.totals().all()))
                    .isEqualTo(oneByOne.recount());
            assertThat(projections(batched.dossiers())).as(scenario).isEqualTo(projections(oneByOne.dossiers()));
            assertThat(batched.pendingDeltas()).as(scenario).isZero();
        }
    }

    /**
     * The same with dossiers moved to another unit in the middle of their lives ({@code dossier.transferred}, the
     * later steps naming the new unit): totals of the periods before and after the move, and of the new unit's
     * documents kept apart by receiving counter, end the same on both paths and equal the recount.
     */
    @Test
    void transfersAmongTheEventsEndTheSameOnBothPaths() {
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(3000 + seed);
            List<History> histories = new HistoryGenerator(4000 + seed, NOW).generate("T" + seed, 60);
            List<Events.Outgoing> events = new ArrayList<>();
            for (History history : histories) {
                events.addAll(random.nextBoolean() ? moved(history, random) : Events.of(history));
            }
            events.addAll(events.subList(0, events.size() / 4));
            Collections.shuffle(events, random);
            List<ConsumedEvent> consumed = Projection.consumed(events);

            Projection oneByOne = new Projection(client.getDatabase(bed.mongoDatabase() + "_tone_" + seed));
            Projection batched = new Projection(client.getDatabase(bed.mongoDatabase() + "_tbatch_" + seed));
            oneByOne.oneByOne(consumed);
            for (int from = 0; from < consumed.size(); ) {
                int to = Math.min(consumed.size(), from + 1 + random.nextInt(40));
                batched.handler().handleBatch(consumed.subList(from, to));
                from = to;
            }

            String scenario = "seed " + seed;
            assertThat(nonEmpty(batched.totals().all())).as(scenario).isEqualTo(nonEmpty(oneByOne.totals().all()))
                    .isEqualTo(oneByOne.recount());
            assertThat(oneByOne.recount().keySet()).as(scenario + ": the moved dossiers' documents")
                    .anySatisfy(key -> assertThat(key.receivingUnit()).isNotNull());
            assertThat(projections(batched.dossiers())).as(scenario).isEqualTo(projections(oneByOne.dossiers()));
            assertThat(batched.pendingDeltas()).as(scenario).isZero();
        }
    }

    /** The history's events with a transfer to Tân Quy Đông a minute after one of its steps before it closed. */
    private static List<Events.Outgoing> moved(History history, Random random) {
        List<Events.Outgoing> original = Events.of(history);
        boolean closes = history.steps().stream().anyMatch(step -> step.type().equals(EventTypes.RESOLVED)
                || step.type().equals(EventTypes.WITHDRAWN));
        int open = history.steps().size() - (closes ? 1 : 0);
        if (open < 1) {
            return original;
        }
        int after = 1 + random.nextInt(open); // the transfer is step after + 1
        String successor = "SADEC-TQD";
        List<Events.Outgoing> result = new ArrayList<>();
        for (Events.Outgoing o : original) {
            if (o.alert()) {
                result.add(o);
                continue;
            }
            DossierData d = EventCodec.dossierData(o.event());
            if (d.sequence() <= after) {
                result.add(o);
            }
            if (d.sequence() == after) {
                OffsetDateTime at = o.event().time().plusMinutes(1);
                result.add(new Events.Outgoing(false, o.key(), EventCodec.dossierEvent(EventTypes.TRANSFERRED,
                        o.event().source(), at, with(d, successor, after + 1, null, null, d.unitCode(), at))));
            } else if (d.sequence() > after) {
                result.add(new Events.Outgoing(false, o.key(), EventCodec.dossierEvent(o.event().type(),
                        o.event().source(), o.event().time(), with(d, successor, d.sequence() + 1,
                                d.resolvedAt(), d.withdrawnAt(), null, null))));
            }
        }
        return result;
    }

    private static DossierData with(DossierData d, String unit, long sequence, OffsetDateTime resolvedAt,
                                    OffsetDateTime withdrawnAt, String previousUnit, OffsetDateTime transferredAt) {
        return new DossierData(d.dossierCode(), unit, d.procedureCode(), d.channel(), d.onlineLevel(), d.receivedAt(),
                d.dueDate(), d.dueAt(), sequence, d.requestedAt(), d.remainingWorkingDays(), d.supplementReceivedAt(),
                d.newAppointmentAt(), resolvedAt, d.decision(), d.timeliness(), withdrawnAt, d.resultDelivery(),
                d.handlingWorkingDays(), d.dueDateProvisional(), d.previousDueDate(), d.previousDueAt(),
                d.dueDateChangeReason(), d.receivedAtUnit(), previousUnit, transferredAt);
    }

    /** What a dossier is, without the version (a batch writes one version for several events). */
    private record Projected(Set<Observation> observations, Instant tickedClock, Map<TotalsKey, Counts> counted) {
    }

    private static Map<String, Projected> projections(Map<String, DossierRecord> dossiers) {
        Map<String, Projected> result = new HashMap<>();
        dossiers.forEach((code, d) -> result.put(code, new Projected(new HashSet<>(d.observations()),
                d.tickedClock(), Contributions.of(d.facts()))));
        return result;
    }

    static Map<TotalsKey, Counts> nonEmpty(Map<TotalsKey, Counts> totals) {
        Map<TotalsKey, Counts> result = new HashMap<>(totals);
        result.values().removeIf(Counts::isEmpty);
        return result;
    }
}
