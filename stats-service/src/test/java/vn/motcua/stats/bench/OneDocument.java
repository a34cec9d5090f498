package vn.motcua.stats.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.app.TotalsApplier;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.testkit.TestBed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a totals document's write costs the same however many dossiers it has counted: the batch path's totals
 * steps (read the state, take the poll's sum, mark the dossiers) into one ward's document in polls of 500, timed
 * over 20,000 dossiers once the document has counted 1,000 and again once it has counted 100,000, on one server,
 * after a warm-up of as many into another document.
 * Prints the figure's {@code BENCH | …} line (target: at 100,000 at least 0.8 of the rate at 1,000).
 */
public final class OneDocument {

    private static final int POLL = 500;
    private static final int TIMED = 20_000;

    private final DossierStore dossiers;
    private final TotalsStore totals;
    private final TotalsApplier applier;
    private final MongoDatabase database;
    private final String prefix;
    private final TotalsKey key;
    private int counted;

    private OneDocument(MongoDatabase database, String prefix) {
        this.database = database;
        this.prefix = prefix;
        this.key = new TotalsKey(prefix, "1.001612", "2026-H1");
        this.dossiers = new DossierStore(database);
        this.totals = new TotalsStore(database);
        dossiers.ensureIndexes();
        totals.ensureIndexes();
        this.applier = new TotalsApplier(totals, dossiers, CrashPoint.NONE);
    }

    /** Alone: {@code -Dbench.main=vn.motcua.stats.bench.OneDocument}. */
    public static void main(String[] args) {
        TestBed bed = TestBed.create();
        try (MongoClient client = MongoClients.create(bed.mongo().connectionString())) {
            measure(client.getDatabase(bed.mongoDatabase() + "_one_document"));
        }
        System.exit(0); // the embedded servers stop in shutdown hooks
    }

    static void measure(MongoDatabase database) {
        new OneDocument(database, "WARM").count(TIMED); // the JIT's warm-up, into a document of its own
        OneDocument one = new OneDocument(database, "ONE");
        one.count(1_000);
        double atThousand = one.count(TIMED);
        one.count(100_000 - one.counted);
        double atHundredThousand = one.count(TIMED);
        double ratio = atHundredThousand / atThousand;
        System.out.printf("BENCH | stats: totals write into one document that counted 100,000 dossiers | %,.0f "
                        + "shares/s | %,.0f shares/s at 1,000 | %.2f | >= 0.80 | %s%n", atHundredThousand, atThousand,
                ratio, ratio >= 0.80 ? "met" : "MISSED");
    }

    /** Counts {@code n} more dossiers into the document; returns the rate of its totals steps, in shares/s. */
    private double count(int n) {
        long nanos = 0;
        for (int from = counted; from < counted + n; from += POLL) {
            List<Document> docs = new ArrayList<>(POLL);
            List<TotalsStore.Share> shares = new ArrayList<>(POLL);
            for (int i = from; i < Math.min(counted + n, from + POLL); i++) {
                String code = prefix + "-%07d".formatted(i);
                docs.add(new Document("_id", code).append("version", 1L));
                shares.add(new TotalsStore.Share(code, 1, new Counts().add(Counter.NEW_ONLINE, 1)));
            }
            database.getCollection("dossiers").insertMany(docs); // the batch's dossier write, not timed here
            long started = System.nanoTime();
            Map<TotalsKey, TotalsStore.State> seen = totals.states(List.of(key));
            Map<TotalsKey, List<TotalsStore.Share>> byDocument = Map.of(key, shares);
            long t1 = System.nanoTime();
            if (!applier.takeTogether(byDocument, seen).isEmpty()) {
                throw new IllegalStateException("the only writer was refused");
            }
            long t2 = System.nanoTime();
            applier.markTaken(byDocument);
            if (Boolean.getBoolean("bench.steps") && from % 10_000 == 0) {
                System.out.printf("at %,d: states %.1f ms, take %.1f ms, marks %.1f ms%n", from, (t1 - started) / 1e6,
                        (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
            }
            applier.listsMarked(byDocument.keySet(), seen);
            nanos += System.nanoTime() - started;
        }
        counted += n;
        return n / (nanos / 1e9);
    }
}
