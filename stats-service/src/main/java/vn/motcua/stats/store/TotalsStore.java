package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collection {@code totals}: one pre-aggregated document per (leaf unit, period),
 * {@code {_id: "SADEC-P1|2022-H1", unit, period, c: {newOnline: 12, …}, applied: [deltaId, …]}}.
 * A report reads these few documents; it never scans dossiers.
 */
@Singleton
public final class TotalsStore {

    /** How many recent delta ids a totals document remembers; far more than can be in flight at once. */
    static final int APPLIED_KEPT = 200;

    private final MongoCollection<Document> totals;

    @Inject
    TotalsStore(StatsDatabase database) {
        this(database.get());
    }

    public TotalsStore(MongoDatabase database) {
        this.totals = database.getCollection("totals");
    }

    public void ensureIndexes() {
        totals.createIndex(Indexes.ascending("period"));
    }

    /**
     * Adds the counts once per delta id: the filter only matches while the document has not seen the id, and the
     * $inc and the $push of the id are one single-document write. If the document exists and has seen it, the
     * upsert's insert collides on _id, which means "already applied".
     */
    public void applyOnce(String deltaId, TotalsKey key, Counts counts) {
        List<Bson> updates = increments(key, counts);
        updates.add(Updates.pushEach("applied", List.of(deltaId), new PushOptions().slice(-APPLIED_KEPT)));
        try {
            totals.updateOne(Filters.and(Filters.eq("_id", key.id()), Filters.ne("applied", deltaId)),
                    Updates.combine(updates), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** A correction found by the rebuild: plain $inc, no delta id. */
    public void adjust(TotalsKey key, Counts difference) {
        List<Bson> updates = increments(key, difference);
        updates.add(Updates.setOnInsert("applied", List.of()));
        totals.updateOne(Filters.eq("_id", key.id()), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** $inc of each counter, and the key's fields should the upsert create the document. */
    private static List<Bson> increments(TotalsKey key, Counts counts) {
        List<Bson> updates = new ArrayList<>();
        counts.asMap().forEach((counter, amount) -> updates.add(Updates.inc("c." + counter.field(), amount)));
        updates.add(Updates.setOnInsert("unit", key.unit()));
        updates.add(Updates.setOnInsert("period", key.period()));
        return updates;
    }

    /** The counts of every unit with a document for the period, by unit. */
    public Map<String, Counts> forPeriod(String period) {
        return read(Filters.eq("period", period));
    }

    public Map<String, Counts> forPeriod(String period, Collection<String> units) {
        return read(Filters.and(Filters.eq("period", period), Filters.in("unit", units)));
    }

    public boolean hasUnit(String unit) {
        return totals.find(Filters.eq("unit", unit)).projection(Projections.include("_id")).first() != null;
    }

    public Map<TotalsKey, Counts> all() {
        Map<TotalsKey, Counts> result = new HashMap<>();
        for (Document doc : totals.find().projection(Projections.exclude("applied")).batchSize(1_000)) {
            result.put(new TotalsKey(doc.getString("unit"), doc.getString("period")), counts(doc));
        }
        return result;
    }

    private Map<String, Counts> read(Bson filter) {
        Map<String, Counts> result = new HashMap<>();
        for (Document doc : totals.find(filter).projection(Projections.exclude("applied"))) {
            result.put(doc.getString("unit"), counts(doc));
        }
        return result;
    }

    private static Counts counts(Document doc) {
        return CountsDocuments.counts(doc.get("c", Document.class));
    }
}
