package vn.motcua.stats.bench;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.app.TotalsApplier;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a totals document's write costs the same however many dossiers it has counted: the batch path's totals
 * steps (read the state, take the poll's sum, mark the dossiers) into one ward's document in polls of 500, timed
 * over 20,000 dossiers once the document has counted 1,000 and again once it has counted 100,000, on one server.
 * Prints the figure's {@code BENCH | …} line (target: at 100,000 at least 0.8 of the rate at 1,000).
 */
final class OneDocument {

    private static final int POLL = 500;
    private static final int TIMED = 20_000;

    private final DossierStore dossiers;
    private final TotalsStore totals;
    private final TotalsApplier applier;
    private final MongoDatabase database;
    private final TotalsKey key = new TotalsKey("SADEC-P1", "1.001612", "2026-H1");
    private int counted;

    private OneDocument(MongoDatabase database) {
        this.database = database;
        this.dossiers = new DossierStore(database);
        this.totals = new TotalsStore(database);
        dossiers.ensureIndexes();
        totals.ensureIndexes();
        this.applier = new TotalsApplier(totals, dossiers, CrashPoint.NONE);
    }

    static void measure(MongoDatabase database) {
        OneDocument one = new OneDocument(database);
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
                String code = "ONE-%07d".formatted(i);
                docs.add(new Document("_id", code).append("version", 1L));
                shares.add(new TotalsStore.Share(code, 1, new Counts().add(Counter.NEW_ONLINE, 1)));
            }
            database.getCollection("dossiers").insertMany(docs); // the batch's dossier write, not timed here
            long started = System.nanoTime();
            Map<TotalsKey, TotalsStore.State> seen = totals.states(List.of(key));
            Map<TotalsKey, List<TotalsStore.Share>> byDocument = Map.of(key, shares);
            if (!applier.takeTogether(byDocument, seen).isEmpty()) {
                throw new IllegalStateException("the only writer was refused");
            }
            applier.markTaken(byDocument);
            applier.listsMarked(byDocument.keySet(), seen);
            nanos += System.nanoTime() - started;
        }
        counted += n;
        return n / (nanos / 1e9);
    }
}
