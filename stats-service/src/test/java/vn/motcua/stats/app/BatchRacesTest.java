package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Projection;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another instance gets in between the steps of a batch, through the crash points as hooks: the batch must notice
 * and end with the recount, neither losing the other's work nor counting anything twice.
 */
@ExtendWith(RealInfrastructureExtension.class)
class BatchRacesTest {

    private static final Instant NOW = OffsetDateTime.parse("2022-12-20T15:00:00+07:00").toInstant();

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aDossierWrittenByAnotherBetweenTheBatchsReadAndItsWriteIsRedoneOnItsOwn() {
        List<History> histories = oneWard(new HistoryGenerator(31, NOW).generate("LOST", 12));
        History contested = histories.stream().filter(h -> h.steps().size() >= 2).findFirst().orElseThrow();
        List<ConsumedEvent> receipts = new ArrayList<>();
        histories.forEach(h -> receipts.add(Projection.consumed(Events.of(h)).get(0)));
        Projection other = new Projection(database);
        Projection batcher = new Projection(database, once(CrashPoint.BATCH_DOSSIERS_READ,
                () -> other.oneByOne(Projection.consumed(Events.of(contested)).subList(1, 2))), Clock.systemUTC());

        batcher.handler().handleBatch(receipts);

        assertThat(batcher.dossiers().get(contested.code()).observations()).as("the other's step and the batch's")
                .hasSize(2);
        assertThat(batcher.dossiers()).hasSize(histories.size());
        assertThat(batcher.pendingDeltas()).isZero();
        assertThat(BatchEqualsOneByOneTest.nonEmpty(batcher.totals().all())).isEqualTo(batcher.recount());
    }

    @Test
    void aDocumentHoldingADeltaThatAnotherFinishedRefusesTheSumAndTakesTheRestOneByOne() {
        List<History> histories = oneWard(new HistoryGenerator(32, NOW).generate("SUM", 30));
        Projection other = new Projection(database);
        String finishedByOther = histories.get(0).code();
        Projection batcher = new Projection(database, once(CrashPoint.BATCH_DOSSIERS_WRITTEN, () -> {
            TotalsDelta pending = new DossierStore(database).find(finishedByOther).orElseThrow().pending();
            other.projector().finish(pending);
        }), Clock.systemUTC());

        batcher.handler().handleBatch(Projection.consumed(Events.of(histories)));

        assertThat(batcher.pendingDeltas()).isZero();
        assertThat(BatchEqualsOneByOneTest.nonEmpty(batcher.totals().all())).isEqualTo(batcher.recount());
        assertThat(received(batcher, new TotalsKey("SADEC-P1", "1.001612", "2022"))).as("every dossier once")
                .isEqualTo(histories.size());
    }

    /** As above, on totals documents that exist before the batch: their summed update is the guarded one. */
    @Test
    void anExistingDocumentHoldingADeltaThatAnotherFinishedRefusesTheSum() {
        List<History> histories = oneWard(new HistoryGenerator(33, NOW).generate("SUM", 30));
        Projection other = new Projection(database);
        other.handler().handleBatch(Projection.consumed(Events.of(histories.subList(20, 30))));
        List<History> batch = histories.subList(0, 20);
        String finishedByOther = batch.get(0).code();
        Projection batcher = new Projection(database, once(CrashPoint.BATCH_DOSSIERS_WRITTEN, () -> {
            TotalsDelta pending = new DossierStore(database).find(finishedByOther).orElseThrow().pending();
            other.projector().finish(pending);
        }), Clock.systemUTC());

        batcher.handler().handleBatch(Projection.consumed(Events.of(batch)));

        assertThat(batcher.pendingDeltas()).isZero();
        assertThat(BatchEqualsOneByOneTest.nonEmpty(batcher.totals().all())).isEqualTo(batcher.recount());
        assertThat(received(batcher, new TotalsKey("SADEC-P1", "1.001612", "2022"))).as("every dossier once")
                .isEqualTo(histories.size());
    }

    /** The dossiers a totals document counts as received. */
    static long received(Projection projection, TotalsKey key) {
        Counts counts = projection.totals().all().get(key);
        return counts.get(Counter.NEW_ONLINE) + counts.get(Counter.NEW_DIRECT_OR_POSTAL);
    }

    /** Every dossier of one ward, so that they share totals documents. */
    private static List<History> oneWard(List<History> histories) {
        return histories.stream().map(h -> new History(h.code(), "SADEC-P1", h.channel(), h.onlineLevel(),
                h.receivedAt(), h.steps(), h.alerts(), "1.001612")).toList();
    }

    /** A crash point that lets {@code other} in once, the first time the batch reaches {@code place}. */
    private static CrashPoint once(String place, Runnable other) {
        AtomicBoolean done = new AtomicBoolean();
        return where -> {
            if (where.equals(place) && !done.getAndSet(true)) {
                other.run();
            }
        };
    }
}
