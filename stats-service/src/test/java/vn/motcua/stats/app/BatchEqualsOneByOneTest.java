package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
