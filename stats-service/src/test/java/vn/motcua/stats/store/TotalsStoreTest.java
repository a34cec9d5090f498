package vn.motcua.stats.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compare-and-set writes of the totals documents on the MongoDB wire server (what is refused, what a refusal
 * leaves), and the documents of older builds. The protocol on top of them: app.TotalsApplierTest.
 */
@ExtendWith(RealInfrastructureExtension.class)
class TotalsStoreTest {

    private static final TotalsKey KEY = new TotalsKey("SADEC-P1", "1.001612", "2022-H1");

    private MongoClient client;
    private MongoDatabase database;
    private TotalsStore totals;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "_" + UUID.randomUUID().toString().substring(0, 8));
        totals = new TotalsStore(database);
        totals.ensureIndexes();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aTakeIsWrittenOnlyWhileTheDocumentIsAsItWasRead() {
        assertThat(totals.state(KEY)).isEmpty();
        assertThat(totals.take(take(KEY, null, 1, "D1"))).isTrue();
        assertThat(totals.take(take(KEY, null, 10, "D2"))).as("created meanwhile").isFalse();

        TotalsStore.State seen = totals.state(KEY).orElseThrow();
        assertThat(seen).isEqualTo(new TotalsStore.State(1, List.of(new TotalsStore.Taken("D1", 1))));
        assertThat(totals.take(take(KEY, seen, 100, "D3"))).isTrue();
        assertThat(totals.take(take(KEY, seen, 1000, "D4"))).as("its revision moved").isFalse();

        assertThat(received()).isEqualTo(101);
        assertThat(totals.state(KEY).orElseThrow()).as("the last write's list only")
                .isEqualTo(new TotalsStore.State(2, List.of(new TotalsStore.Taken("D3", 1))));
    }

    @Test
    void takeAllRefusesTheDocumentsThatMovedAndWritesTheOthers() {
        TotalsKey other = new TotalsKey("SADEC-P2", "1.001612", "2022-H1");
        TotalsKey fresh = new TotalsKey("SADEC-P3", "1.001612", "2022-H1");
        totals.take(take(KEY, null, 1, "D2"));
        totals.take(take(other, null, 1, "D9"));
        Map<TotalsKey, TotalsStore.State> seen = totals.states(List.of(KEY, other, fresh));
        assertThat(seen).as("a document that does not exist has none").containsOnlyKeys(KEY, other);
        totals.take(take(KEY, seen.get(KEY), 2, "D4")); // after the read: KEY's revision moves on

        var refused = totals.takeAll(List.of(take(KEY, seen.get(KEY), 10, "D1"),
                take(other, seen.get(other), 1000, "D1", "D3"), take(fresh, null, 100000, "D1")));

        assertThat(refused).containsExactly(KEY);
        assertThat(received()).as("nothing of a refused document is written").isEqualTo(3);
        assertThat(totals.all().get(other).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(1001);
        assertThat(totals.all().get(fresh).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(100000);
        assertThat(totals.states(List.of(KEY, other, fresh))).isEqualTo(Map.of(
                KEY, new TotalsStore.State(2, List.of(new TotalsStore.Taken("D4", 1))),
                other, new TotalsStore.State(2, List.of(new TotalsStore.Taken("D1", 1), new TotalsStore.Taken("D3", 1))),
                fresh, new TotalsStore.State(1, List.of(new TotalsStore.Taken("D1", 1)))));
    }

    /** Every write raises the revision, or a take read before it would not see it; the rebuild's keeps the list. */
    @Test
    void everyWriteOfADocumentRaisesItsRevision() {
        totals.take(take(KEY, null, 1, "D1"));
        totals.adjust(KEY, new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, 5));
        assertThat(totals.state(KEY)).contains(new TotalsStore.State(2, List.of(new TotalsStore.Taken("D1", 1))));
        assertThat(received()).isEqualTo(6);
    }

    /** The oldest documents: {@code <unit>|<period>}, no procedure, a list of delta ids. */
    @Test
    void documentsOfOlderBuildsAreListedWithTheirWatermarksAndDroppedOnce() {
        database.getCollection("totals").insertOne(new Document("_id", "SADEC-P1|2022-H1").append("unit", "SADEC-P1")
                .append("period", "2022-H1").append("c", new Document("newDirectOrPostal", 7))
                .append("applied", List.of("X#3", "X#5", "Y.Z#2", "W#1#4")));
        database.getCollection("totals").insertOne(new Document("_id", KEY.id()).append("unit", KEY.unit())
                .append("procedure", KEY.procedure()).append("period", KEY.period())
                .append("c", new Document("newDirectOrPostal", 7)).append("applied", new Document("A%2EB", 2L))
                .append("rev", 4L));
        database.getCollection("totals").insertOne(new Document("_id", "SADEC-P2|1.001612|2022")
                .append("unit", "SADEC-P2").append("procedure", "1.001612").append("period", "2022"));

        assertThat(totals.convertUnitPeriodDocuments()).isEqualTo(1);
        assertThat(totals.convertUnitPeriodDocuments()).as("once only").isZero();
        TotalsKey old = new TotalsKey("SADEC-P1", TotalsKey.NO_PROCEDURE, "2022-H1");
        TotalsKey noRevision = new TotalsKey("SADEC-P2", "1.001612", "2022");
        Map<TotalsKey, Map<String, Long>> versions = new HashMap<>();
        List<TotalsStore.LegacyDocument> legacy = totals.legacyDocuments();
        legacy.forEach(doc -> versions.put(doc.key(), doc.versions()));
        assertThat(versions).isEqualTo(Map.of(old, Map.of("X", 5L, "Y.Z", 2L, "W#1", 4L), KEY, Map.of("A.B", 2L),
                noRevision, Map.of()));

        legacy.forEach(doc -> assertThat(totals.dropLegacy(doc)).isTrue());
        legacy.forEach(doc -> assertThat(totals.dropLegacy(doc)).as("once only").isFalse());
        assertThat(totals.legacyDocuments()).isEmpty();
        assertThat(totals.states(List.of(old, KEY, noRevision))).isEqualTo(Map.of(
                old, new TotalsStore.State(1, List.of()), KEY, new TotalsStore.State(5, List.of()),
                noRevision, new TotalsStore.State(1, List.of())));
        assertThat(totals.all().get(old).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(7);
    }

    /** A start that stopped between the insert and the delete: the next one only deletes, and counts stay. */
    @Test
    void aConversionInterruptedAfterItsInsertOnlyDeletesNextTime() {
        TotalsKey converted = new TotalsKey("SADEC-P1", TotalsKey.NO_PROCEDURE, "2022-H1");
        Document old = new Document("_id", "SADEC-P1|2022-H1").append("unit", "SADEC-P1").append("period", "2022-H1")
                .append("c", new Document("newOnline", 3)).append("applied", new Document("X", 2));
        database.getCollection("totals").insertOne(old);
        database.getCollection("totals").insertOne(new Document(old).append("_id", converted.id())
                .append("procedure", TotalsKey.NO_PROCEDURE));

        assertThat(totals.convertUnitPeriodDocuments()).isEqualTo(1);
        assertThat(totals.all()).containsOnlyKeys(converted);
        assertThat(totals.all().get(converted).get(Counter.NEW_ONLINE)).isEqualTo(3);
        assertThat(totals.legacyDocuments()).singleElement().satisfies(doc -> {
            assertThat(doc.key()).isEqualTo(converted);
            assertThat(doc.versions()).isEqualTo(Map.of("X", 2L));
        });
    }

    private long received() {
        return totals.all().get(KEY).get(Counter.NEW_DIRECT_OR_POSTAL);
    }

    /** A take of version 1 of each dossier, adding {@code amount} in all. */
    private static TotalsStore.Take take(TotalsKey key, TotalsStore.State seen, long amount, String... codes) {
        return new TotalsStore.Take(key, seen, new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, amount),
                Arrays.stream(codes).map(code -> new TotalsStore.Taken(code, 1)).toList());
    }
}
