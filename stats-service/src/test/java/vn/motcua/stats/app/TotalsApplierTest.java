package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.TotalsStore.Share;
import vn.motcua.stats.support.CrashSchedule;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The totals protocol on the MongoDB wire server: a change counts once whoever takes it how often, a list left
 * unmarked by a crash is marked by the next writer, older builds' watermarks are converted, and a document that
 * has counted 100,000 dossiers is the size it was after 1,000.
 */
@ExtendWith(RealInfrastructureExtension.class)
class TotalsApplierTest {

    private static final TotalsKey KEY = new TotalsKey("SADEC-P1", "1.001612", "2022-H1");

    private MongoClient client;
    private MongoDatabase database;
    private TotalsStore totals;
    private DossierStore dossiers;
    private TotalsApplier applier;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "_" + UUID.randomUUID().toString().substring(0, 8));
        totals = new TotalsStore(database);
        dossiers = new DossierStore(database);
        totals.ensureIndexes();
        dossiers.ensureIndexes();
        applier = new TotalsApplier(totals, dossiers, CrashPoint.NONE);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aChangeIsTakenOnceAndNoEarlierOneAfterIt() {
        pending("D1", 1);
        pending("D2", 1);
        applier.takeOnce(KEY, share("D1", 1, 1));
        applier.takeOnce(KEY, share("D1", 1, 1));
        assertThat(takenBy("D1")).containsExactly(KEY.id());
        pending("D1", 3); // finished, and the dossier's next change pending
        applier.takeOnce(KEY, share("D1", 3, 10));
        applier.takeOnce(KEY, share("D1", 2, 100)); // finished late, after a later version
        new TotalsApplier(totals, dossiers, CrashPoint.NONE).takeOnce(KEY, share("D1", 3, 10)); // another instance
        applier.takeOnce(KEY, share("D2", 1, 1000));

        assertThat(received()).isEqualTo(1011);
        assertThat(takenBy("D1")).containsExactly(KEY.id());
    }

    @Test
    void codesAndProceduresWithDotsDollarsAndPercentsAreTakenOnceEach() {
        List<String> codes = List.of("A.B", "A%2EB", "$X", "A$B", "%", "%25", "A", "B", "A.B.C");
        codes.forEach(code -> pending(code, 1));
        TotalsKey dotted = new TotalsKey("SADEC-P1", "1.0.1", "2022-H1");
        for (String code : codes) {
            applier.takeOnce(KEY, share(code, 1, 1));
            applier.takeOnce(dotted, share(code, 1, 1));
        }
        for (String code : codes) {
            applier.takeOnce(KEY, share(code, 1, 1));
            applier.takeOnce(dotted, share(code, 1, 1));
        }
        assertThat(received()).isEqualTo(codes.size());
        codes.forEach(code -> assertThat(takenBy(code)).containsExactlyInAnyOrder(KEY.id(), dotted.id()));
    }

    /** Killed between a document's write and its dossier's mark: the list in the document says what it took. */
    @Test
    void aListLeftUnmarkedByACrashIsMarkedByTheNextWriterAndCountsOnce() {
        pending("D1", 1);
        pending("D2", 1);
        CrashSchedule kill = new CrashSchedule(new Random(1), List.of(CrashPoint.TOTALS_APPLIED), 1, 0);
        TotalsApplier killed = new TotalsApplier(totals, dossiers, kill);
        assertThatThrownBy(() -> killed.takeOnce(KEY, share("D1", 1, 1)))
                .isInstanceOf(CrashSchedule.SimulatedCrash.class);
        assertThat(takenBy("D1")).as("written, not marked").isEmpty();

        applier.takeOnce(KEY, share("D2", 1, 10)); // marks D1 before its own write replaces the list
        assertThat(takenBy("D1")).containsExactly(KEY.id());
        applier.takeOnce(KEY, share("D1", 1, 1)); // the killed one's delta, finished by another

        assertThat(received()).isEqualTo(11);
    }

    @Test
    void aBatchRefusedForAMovedRevisionWritesNothingAndItsSharesCountOnceOneByOne() {
        List.of("D1", "D2", "D3").forEach(code -> pending(code, 1));
        applier.takeOnce(KEY, share("D1", 1, 1));
        Map<TotalsKey, TotalsStore.State> seen = totals.states(List.of(KEY));
        applier.takeOnce(KEY, share("D2", 1, 10)); // another writer took D2 after the read

        Map<TotalsKey, List<Share>> batch = Map.of(KEY, List.of(share("D2", 1, 10), share("D3", 1, 100)));
        assertThat(applier.takeTogether(batch, seen)).containsExactly(KEY);
        assertThat(received()).isEqualTo(11);
        batch.get(KEY).forEach(share -> applier.takeOnce(KEY, share));

        assertThat(received()).isEqualTo(111);
    }

    @Test
    void theWatermarksOfAnOlderBuildMarkThePendingDeltasTheyCount() {
        pending("X", 5); // the document's watermark is at 5: it took this one
        pending("Y.Z", 3); // at 2: not this one
        database.getCollection("totals").insertOne(new Document("_id", KEY.id()).append("unit", KEY.unit())
                .append("procedure", KEY.procedure()).append("period", KEY.period())
                .append("c", new Document("newDirectOrPostal", 7))
                .append("applied", new Document("X", 5L).append("Y%2EZ", 2L)).append("rev", 3L));

        assertThat(applier.convertWatermarks()).isEqualTo(1);
        assertThat(applier.convertWatermarks()).as("once only").isZero();
        assertThat(takenBy("X")).containsExactly(KEY.id());
        assertThat(takenBy("Y.Z")).isEmpty();
        applier.takeOnce(KEY, share("X", 5, 1)); // in already
        applier.takeOnce(KEY, share("Y.Z", 3, 100));
        assertThat(received()).isEqualTo(107);
        assertThat(database.getCollection("totals").find(Filters.eq("_id", KEY.id())).first())
                .doesNotContainKey("applied");
    }

    /**
     * One ward's procedure in one half-year, 100,000 dossiers counted in polls of 500 as the batch path writes the
     * totals document (the marks go to the dossiers, which this test leaves out): the document keeps the last
     * poll's list and no more, so its size after 100,000 is what it was after 1,000.
     */
    @Test
    void aDocumentThatCounted100000DossiersIsTheSizeItWasAfter1000() {
        int poll = 500;
        long sizeAfter1000 = 0;
        for (int from = 0; from < 100_000; from += poll) {
            List<Share> shares = new ArrayList<>(poll);
            for (int i = from; i < from + poll; i++) {
                shares.add(share("SADEC-P1-2022-%06d".formatted(i), 1, 1));
            }
            Map<TotalsKey, TotalsStore.State> seen = totals.states(List.of(KEY));
            assertThat(applier.takeTogether(Map.of(KEY, shares), seen)).isEmpty();
            applier.listsMarked(List.of(KEY), seen);
            if (from + poll == 1_000) {
                sizeAfter1000 = size();
            }
        }
        assertThat(received()).isEqualTo(100_000);
        assertThat(size()).as("bytes after 100,000 dossiers against after 1,000").isEqualTo(sizeAfter1000);
    }

    private long size() {
        return database.getCollection("totals", RawBsonDocument.class).find(Filters.eq("_id", KEY.id())).first()
                .getByteBuffer().remaining();
    }

    /**
     * The dossier at {@code version}, with that change pending (its part in {@code KEY}) and taken by no totals
     * document yet, as the projection leaves it (a change is written only once the one before is finished).
     */
    private void pending(String code, long version) {
        Document part = new Document("unit", KEY.unit()).append("procedure", KEY.procedure())
                .append("period", KEY.period()).append("c", new Document("newDirectOrPostal", 1));
        Document pending = new Document("id", code + "#" + version).append("incs", List.of(part));
        database.getCollection("dossiers").replaceOne(Filters.eq("_id", code), new Document("_id", code)
                .append("version", version).append("pending", pending).append("takenBy", List.of()),
                new ReplaceOptions().upsert(true));
    }

    private List<String> takenBy(String code) {
        return database.getCollection("dossiers").find(Filters.eq("_id", code)).first()
                .getList("takenBy", String.class);
    }

    private long received() {
        return totals.all().get(KEY).get(Counter.NEW_DIRECT_OR_POSTAL);
    }

    private static Share share(String code, long version, long amount) {
        return new Share(code, version, new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, amount));
    }
}
