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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The watermark guard of the totals documents on the MongoDB wire server: what counts once, what is refused. */
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
    void aVersionIsTakenOnceAndNothingBelowTheWatermarkAfterIt() {
        assertThat(totals.applyOnce(KEY, share("D1", 1, 1))).isTrue();
        assertThat(totals.applyOnce(KEY, share("D1", 1, 1))).as("the same version again").isFalse();
        assertThat(totals.applyOnce(KEY, share("D1", 3, 10))).isTrue();
        assertThat(totals.applyOnce(KEY, share("D1", 2, 100))).as("an older version, finished late").isFalse();
        assertThat(totals.applyOnce(KEY, share("D2", 1, 1000))).as("another dossier").isTrue();

        assertThat(received()).isEqualTo(1011);
        assertThat(totals.appliedVersions(KEY)).isEqualTo(Map.of("D1", 3L, "D2", 1L));
    }

    @Test
    void codesWithDotsDollarsAndPercentsKeepWatermarksOfTheirOwn() {
        List<String> codes = List.of("A.B", "A%2EB", "$X", "A$B", "%", "%25", "A", "B", "A.B.C");
        for (String code : codes) {
            assertThat(totals.applyOnce(KEY, share(code, 1, 1))).as(code).isTrue();
        }
        for (String code : codes) {
            assertThat(totals.applyOnce(KEY, share(code, 1, 1))).as(code + " again").isFalse();
        }
        assertThat(received()).isEqualTo(codes.size());
        assertThat(totals.appliedVersions(KEY)).containsOnlyKeys(codes);
    }

    @Test
    void aDocumentTakesASummedUpdateOnlyAtTheRevisionReadBeforeIt() {
        TotalsKey other = new TotalsKey("SADEC-P2", "1.001612", "2022-H1");
        TotalsKey fresh = new TotalsKey("SADEC-P3", "1.001612", "2022-H1");
        totals.applyOnce(KEY, share("D2", 4, 1));
        totals.applyOnce(other, share("D9", 1, 1));
        Map<TotalsKey, Long> revisions = totals.revisions(List.of(KEY, other, fresh));
        assertThat(revisions).as("a document that does not exist has none").isEqualTo(Map.of(KEY, 1L, other, 1L));
        totals.applyOnce(KEY, share("D4", 1, 2)); // after the read: KEY's revision moves on

        var refused = totals.applyTogether(Map.of(
                KEY, List.of(share("D1", 1, 10)),
                other, List.of(share("D1", 1, 1000), share("D3", 2, 10000)),
                fresh, List.of(share("D1", 1, 100000))), revisions);

        assertThat(refused).containsExactly(KEY);
        assertThat(received()).as("nothing of a refused document is written").isEqualTo(3);
        assertThat(totals.all().get(other).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(11001);
        assertThat(totals.appliedVersions(other)).isEqualTo(Map.of("D9", 1L, "D1", 1L, "D3", 2L));
        assertThat(totals.all().get(fresh).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(100000);
        assertThat(totals.appliedVersions(fresh)).isEqualTo(Map.of("D1", 1L));
        assertThat(totals.revisions(List.of(KEY, other, fresh))).isEqualTo(Map.of(KEY, 2L, other, 2L, fresh, 1L));

        assertThat(totals.applyTogether(Map.of(other, List.of(share("D5", 1, 5)), fresh, List.of(share("D5", 1, 5))),
                revisions)).as("read before the last writes").containsExactlyInAnyOrder(other, fresh);
        assertThat(totals.all().get(other).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(11001);
        assertThat(totals.all().get(fresh).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(100000);
    }

    /** Every write raises the revision, or a summed update read before it would not see it. */
    @Test
    void everyWriteOfADocumentRaisesItsRevision() {
        totals.applyOnce(KEY, share("D1", 1, 1));
        totals.applyOnce(KEY, share("D1", 1, 1)); // refused by its watermark: no write
        totals.adjust(KEY, new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, 5));
        assertThat(totals.revisions(List.of(KEY))).isEqualTo(Map.of(KEY, 2L));
    }

    /** A document of a build without revisions: the summed update refuses it, and its next write gives it one. */
    @Test
    void aDocumentWithoutRevisionRefusesTheSummedUpdate() {
        database.getCollection("totals").insertOne(new Document("_id", KEY.id()).append("unit", KEY.unit())
                .append("procedure", KEY.procedure()).append("period", KEY.period())
                .append("c", new Document("newDirectOrPostal", 7)).append("applied", new Document("D1", 1L)));
        Map<TotalsKey, Long> revisions = totals.revisions(List.of(KEY));
        assertThat(revisions).isEqualTo(Map.of(KEY, TotalsStore.NO_REVISION));

        assertThat(totals.applyTogether(Map.of(KEY, List.of(share("D2", 1, 1))), revisions)).containsExactly(KEY);
        assertThat(totals.applyOnce(KEY, share("D2", 1, 1))).isTrue();
        assertThat(received()).isEqualTo(8);
        assertThat(totals.revisions(List.of(KEY))).isEqualTo(Map.of(KEY, 1L));
    }

    /** The oldest documents: {@code <unit>|<period>}, no procedure, a list of delta ids. */
    @Test
    void listsOfDeltaIdsOfOlderBuildsBecomeWatermarksOfTheUnknownProcedure() {
        database.getCollection("totals").insertOne(new Document("_id", "SADEC-P1|2022-H1").append("unit", "SADEC-P1")
                .append("period", "2022-H1").append("c", new Document("newDirectOrPostal", 7))
                .append("applied", List.of("X#3", "X#5", "Y.Z#2", "W#1#4")));
        database.getCollection("totals").insertOne(new Document("_id", "SADEC-P2|2022").append("unit", "SADEC-P2")
                .append("period", "2022").append("applied", List.of()));

        assertThat(totals.convertDeltaIdLists()).isEqualTo(2);
        assertThat(totals.convertDeltaIdLists()).as("once only").isZero();
        assertThat(totals.convertUnitPeriodDocuments()).isEqualTo(2);
        assertThat(totals.convertUnitPeriodDocuments()).as("once only").isZero();

        TotalsKey old = new TotalsKey("SADEC-P1", TotalsKey.NO_PROCEDURE, "2022-H1");
        assertThat(totals.appliedVersions(old)).isEqualTo(Map.of("X", 5L, "Y.Z", 2L, "W#1", 4L));
        assertThat(totals.applyOnce(old, share("X", 5, 1))).as("listed: already in").isFalse();
        assertThat(totals.applyOnce(old, share("X", 6, 1))).isTrue();
        assertThat(totals.applyOnce(new TotalsKey("SADEC-P2", TotalsKey.NO_PROCEDURE, "2022"), share("X", 1, 1)))
                .isTrue();
        assertThat(totals.all()).containsOnlyKeys(old, new TotalsKey("SADEC-P2", TotalsKey.NO_PROCEDURE, "2022"));
        assertThat(totals.all().get(old).get(Counter.NEW_DIRECT_OR_POSTAL)).isEqualTo(8);
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
        assertThat(totals.appliedVersions(converted)).isEqualTo(Map.of("X", 2L));
    }

    private long received() {
        return totals.all().get(KEY).get(Counter.NEW_DIRECT_OR_POSTAL);
    }

    private static TotalsStore.Share share(String code, long version, long amount) {
        return new TotalsStore.Share(code, version, new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, amount));
    }
}
