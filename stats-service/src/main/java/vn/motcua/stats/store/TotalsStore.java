package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collection {@code totals}: one pre-aggregated document per (leaf unit, procedure, period), periods of both
 * conventions, {@code {_id: "SADEC-P1|1.001612|2022-H1", unit, procedure, period, c: {newOnline: 12, …},
 * applied: {<code>: <version>, …}}}.
 * {@code applied} holds, per dossier that ever contributed to the document, the version of the last change of it
 * that the document took (field names: {@link AppliedVersions}). A report reads these few documents without
 * {@code applied}; it never scans dossiers.
 */
@Singleton
public final class TotalsStore {

    /** One dossier change's part in one totals document: the counts its version {@code version} adds there. */
    public record Share(String code, long version, Counts counts) {
    }

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> totals;

    @Inject
    TotalsStore(StatsDatabase database) {
        this(database.get());
    }

    public TotalsStore(MongoDatabase database) {
        this.totals = database.getCollection("totals");
    }

    public void ensureIndexes() {
        totals.createIndex(Indexes.ascending("period", "unit"));
    }

    /**
     * Adds the share's counts unless the document has taken this version of the dossier or a later one: the filter
     * matches only below the watermark, and the $inc and the raise of the watermark are one single-document write.
     * Returns false when the document had it already.
     *
     * <p>When the filter matches nothing the upsert tries an insert, which collides on {@code _id} if the document
     * exists. That is "already taken", unless the document was only just created by a concurrent upsert: the same
     * update without upsert, now that the document certainly exists, tells the two apart.
     */
    public boolean applyOnce(TotalsKey key, Share share) {
        Bson filter = Filters.and(Filters.eq("_id", key.id()), below(share));
        Bson update = update(key, share.counts(), List.of(share));
        try {
            totals.updateOne(filter, update, UPSERT);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return totals.updateOne(filter, update).getMatchedCount() == 1;
        }
    }

    /**
     * One update per document, all in one unordered bulk write: the summed counts of its shares and every share's
     * watermark, guarded so that it matches only while the document has taken none of them. Returns the documents
     * that refused (one of the shares was already there, or a concurrent insert): nothing of those was written,
     * and the caller applies their shares one by one with {@link #applyOnce}.
     */
    public Set<TotalsKey> applyTogether(Map<TotalsKey, List<Share>> sharesByDocument) {
        List<TotalsKey> keys = new ArrayList<>(sharesByDocument.keySet());
        List<WriteModel<Document>> updates = new ArrayList<>(keys.size());
        for (TotalsKey key : keys) {
            List<Share> shares = sharesByDocument.get(key);
            List<Bson> filter = new ArrayList<>();
            filter.add(Filters.eq("_id", key.id()));
            Counts sum = new Counts();
            for (Share share : shares) {
                filter.add(below(share));
                sum.addAll(share.counts());
            }
            updates.add(new UpdateOneModel<>(Filters.and(filter), update(key, sum, shares), UPSERT));
        }
        Set<TotalsKey> refused = new HashSet<>();
        if (updates.isEmpty()) {
            return refused;
        }
        try {
            totals.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(keys.get(error.getIndex()));
            }
        }
        return refused;
    }

    /** A correction found by the rebuild: plain $inc, no watermark. */
    public void adjust(TotalsKey key, Counts difference) {
        List<Bson> updates = increments(key, difference);
        updates.add(Updates.setOnInsert(AppliedVersions.FIELD, new Document()));
        totals.updateOne(Filters.eq("_id", key.id()), Updates.combine(updates), UPSERT);
    }

    /**
     * Documents written before the watermarks kept a list of the last 200 delta ids ({@code "<code>#<version>"})
     * instead: each list becomes the watermarks it implies, the highest version per dossier. Run before anything
     * is applied (a pending delta listed there is then skipped, as it was applied). Returns how many it converted.
     */
    public int convertDeltaIdLists() {
        int converted = 0;
        for (Document doc : totals.find().projection(Projections.include(AppliedVersions.FIELD))) {
            if (!(doc.get(AppliedVersions.FIELD) instanceof List<?> ids)) {
                continue;
            }
            Map<String, Long> highest = new LinkedHashMap<>();
            for (Object id : ids) {
                String text = String.valueOf(id);
                int hash = text.lastIndexOf('#');
                if (hash > 0) {
                    highest.merge(AppliedVersions.encode(text.substring(0, hash)),
                            Long.parseLong(text.substring(hash + 1)), Math::max);
                }
            }
            // Guarded by the list read: a document changed meanwhile is left for the next start.
            converted += (int) totals.updateOne(Filters.and(Filters.eq("_id", doc.get("_id")),
                            Filters.eq(AppliedVersions.FIELD, ids)),
                    Updates.set(AppliedVersions.FIELD, new Document(new LinkedHashMap<>(highest)))).getModifiedCount();
        }
        return converted;
    }

    /** The watermarks of one document, by dossier code: what operators and tests look at. */
    public Map<String, Long> appliedVersions(TotalsKey key) {
        Document doc = totals.find(Filters.eq("_id", key.id())).projection(Projections.include(AppliedVersions.FIELD))
                .first();
        Map<String, Long> versions = new HashMap<>();
        if (doc != null && doc.get(AppliedVersions.FIELD) instanceof Document applied) {
            applied.forEach((field, version) -> versions.put(AppliedVersions.decode(field),
                    ((Number) version).longValue()));
        }
        return versions;
    }

    /** Matches while the document has taken neither this version of the dossier nor a later one. */
    private static Bson below(Share share) {
        return Filters.not(Filters.gte(AppliedVersions.path(share.code()), share.version()));
    }

    private static Bson update(TotalsKey key, Counts counts, List<Share> shares) {
        List<Bson> updates = increments(key, counts);
        for (Share share : shares) {
            updates.add(Updates.set(AppliedVersions.path(share.code()), share.version()));
        }
        return Updates.combine(updates);
    }

    /** $inc of each counter, and the key's fields should the upsert create the document. */
    private static List<Bson> increments(TotalsKey key, Counts counts) {
        List<Bson> updates = new ArrayList<>();
        counts.asMap().forEach((counter, amount) -> updates.add(Updates.inc("c." + counter.field(), amount)));
        updates.add(Updates.setOnInsert("unit", key.unit()));
        updates.add(Updates.setOnInsert("procedure", key.procedure()));
        updates.add(Updates.setOnInsert("period", key.period()));
        return updates;
    }

    /** The counts of every (unit, procedure) with a document for the period. */
    public Map<TotalsKey, Counts> forPeriod(String period) {
        return read(Filters.eq("period", period));
    }

    public Map<TotalsKey, Counts> forPeriod(String period, Collection<String> units) {
        return read(Filters.and(Filters.eq("period", period), Filters.in("unit", units)));
    }

    public boolean hasUnit(String unit) {
        return totals.find(Filters.eq("unit", unit)).projection(Projections.include("_id")).first() != null;
    }

    public Map<TotalsKey, Counts> all() {
        return read(new Document());
    }

    private Map<TotalsKey, Counts> read(Bson filter) {
        Map<TotalsKey, Counts> result = new HashMap<>();
        for (Document doc : totals.find(filter).projection(Projections.exclude(AppliedVersions.FIELD))
                .batchSize(1_000)) {
            result.merge(key(doc), counts(doc), Counts::addAll);
        }
        return result;
    }

    /** A document not yet converted ({@link #convertUnitPeriodDocuments}) reads as of no procedure. */
    private static TotalsKey key(Document doc) {
        String procedure = doc.getString("procedure");
        return new TotalsKey(doc.getString("unit"), procedure == null ? TotalsKey.NO_PROCEDURE : procedure,
                doc.getString("period"));
    }

    /**
     * Documents of builds that kept totals per (unit, period) only, {@code _id: "<unit>|<period>"}, become the
     * documents of procedure {@link TotalsKey#NO_PROCEDURE} with the same counters and watermarks: the dossiers they
     * count were stored without procedure, so their next deltas are for exactly these documents. Insert, then delete
     * the old one; a start that stops between the two finds the insert taken and only deletes. Run before anything
     * is applied. The cut-off periods and the new counters of those dossiers need a rebuild (docs/architecture.md,
     * "Exactly-once totals"). Returns how many it converted.
     */
    public int convertUnitPeriodDocuments() {
        int converted = 0;
        for (Document old : totals.find(Filters.exists("procedure", false))) {
            TotalsKey key = key(old);
            Document renamed = new Document(old);
            renamed.put("_id", key.id());
            renamed.put("procedure", key.procedure());
            try {
                totals.insertOne(renamed);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            converted += (int) totals.deleteOne(Filters.eq("_id", old.get("_id"))).getDeletedCount();
        }
        return converted;
    }

    private static Counts counts(Document doc) {
        return CountsDocuments.counts(doc.get("c", Document.class));
    }
}
