package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
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
 * applied: {<code>: <version>, …}, rev: 42}}; the dossiers of the same key received at another unit's counter have a
 * document of their own, {@code _id: "SADEC-P1|1.001612|2022-H1|SADEC"} with {@code receivingUnit: "SADEC"}
 * ({@link TotalsKey}), so the documents of builds before receiving counters keep their ids.
 * {@code applied} holds, per dossier that ever contributed to the document, the version of the last change of it
 * that the document took (field names: {@link AppliedVersions}). A report reads these few documents without
 * {@code applied}; it never scans dossiers.
 */
@Singleton
public final class TotalsStore {

    /** One dossier change's part in one totals document: the counts its version {@code version} adds there. */
    public record Share(String code, long version, Counts counts) {
    }

    /**
     * {@code rev}: how many writes the document has taken. Every write raises it, so that {@link #applyTogether}
     * can guard by equality alone.
     */
    static final String REVISION = "rev";

    /** Set only on the documents of dossiers received at another unit's counter ({@link TotalsKey#receivingUnit}). */
    static final String RECEIVING_UNIT = "receivingUnit";

    /** The revision of a document that older builds wrote, which has none until its next write. */
    public static final long NO_REVISION = -1;

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
        // The revision guard's own index: MongoDB answers {_id, rev} from the _id index anyway; mongo-java-server
        // uses an index only for a filter of exactly its fields. Unique because _id is; speed only.
        totals.createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true));
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
     * The revision of each of these documents that exists, in one query ({@link #NO_REVISION} for a document an
     * older build wrote, which has none yet). {@link #applyTogether} is guarded by them.
     */
    public Map<TotalsKey, Long> revisions(Collection<TotalsKey> keys) {
        Map<TotalsKey, Long> revisions = new HashMap<>();
        if (keys.isEmpty()) {
            return revisions;
        }
        Map<String, TotalsKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        for (Document doc : totals.find(Filters.in("_id", byId.keySet())).projection(Projections.include(REVISION))
                .batchSize(keys.size())) {
            Number revision = doc.get(REVISION, Number.class);
            revisions.put(byId.get(doc.getString("_id")), revision == null ? NO_REVISION : revision.longValue());
        }
        return revisions;
    }

    /**
     * One write per document, all in one unordered bulk write: the summed counts of its shares and every share's
     * watermark, taken only while the document is still at the revision {@code revisions} read (absent there: while
     * it does not exist). Every write of a totals document raises its revision, so a document still at that
     * revision holds exactly what was read.
     *
     * <p>Precondition: {@code revisions} were read before the shares' deltas were written to their dossiers. A
     * document could not have taken those deltas by then (a delta's version is written once, after every earlier
     * one), and if anyone has given it one of them since, its revision has moved. So no watermark needs comparing:
     * the guard is an equality on {@code (_id, rev)}, which an index answers on every server (the testkit's
     * mongo-java-server scans the collection for anything else, see StatsApplyBenchmark).
     *
     * <p>Returns the documents that refused (their revision moved, or one was created meanwhile, or it has no
     * revision yet): nothing of those was written, and the caller applies their shares one by one with
     * {@link #applyOnce}, whose watermark guard decides.
     */
    public Set<TotalsKey> applyTogether(Map<TotalsKey, List<Share>> sharesByDocument, Map<TotalsKey, Long> revisions) {
        Set<TotalsKey> refused = new HashSet<>();
        List<TotalsKey> keys = new ArrayList<>(sharesByDocument.size());
        List<WriteModel<Document>> writes = new ArrayList<>(sharesByDocument.size());
        sharesByDocument.forEach((key, shares) -> {
            Long revision = revisions.get(key);
            if (revision != null && revision == NO_REVISION) {
                refused.add(key);
                return;
            }
            Counts sum = new Counts();
            shares.forEach(share -> sum.addAll(share.counts()));
            keys.add(key);
            // A document that did not exist is inserted whole: the insert collides on _id if anyone created it since.
            // One that did is updated at its revision; the upsert makes a moved revision collide on _id likewise.
            writes.add(revision == null ? new InsertOneModel<>(created(key, sum, shares))
                    : new UpdateOneModel<>(atRevision(key, revision), update(key, sum, shares), UPSERT));
        });
        if (writes.isEmpty()) {
            return refused;
        }
        try {
            totals.bulkWrite(writes, new BulkWriteOptions().ordered(false));
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

    /** A plain document of exactly these two fields, so that the {@code (_id, rev)} index answers it. */
    private static Bson atRevision(TotalsKey key, long revision) {
        return new Document("_id", key.id()).append(REVISION, revision);
    }

    private static Document created(TotalsKey key, Counts counts, List<Share> shares) {
        Document applied = new Document();
        shares.forEach(share -> applied.append(AppliedVersions.encode(share.code()), share.version()));
        Document doc = new Document("_id", key.id()).append("unit", key.unit()).append("procedure", key.procedure())
                .append("period", key.period());
        if (key.receivingUnit() != null) {
            doc.append(RECEIVING_UNIT, key.receivingUnit());
        }
        return doc.append("c", CountsDocuments.document(counts))
                .append(AppliedVersions.FIELD, applied).append(REVISION, 1L);
    }

    /** A correction found by the rebuild: plain $inc, no watermark. */
    public void adjust(TotalsKey key, Counts difference) {
        List<Bson> updates = increments(key, difference);
        updates.add(Updates.setOnInsert(AppliedVersions.FIELD, new Document()));
        updates.add(Updates.inc(REVISION, 1L));
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
                    Updates.combine(Updates.set(AppliedVersions.FIELD, new Document(new LinkedHashMap<>(highest))),
                            Updates.inc(REVISION, 1L))).getModifiedCount();
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
        updates.add(Updates.inc(REVISION, 1L));
        return Updates.combine(updates);
    }

    /** $inc of each counter, and the key's fields should the upsert create the document. */
    private static List<Bson> increments(TotalsKey key, Counts counts) {
        List<Bson> updates = new ArrayList<>();
        counts.asMap().forEach((counter, amount) -> updates.add(Updates.inc("c." + counter.field(), amount)));
        updates.add(Updates.setOnInsert("unit", key.unit()));
        updates.add(Updates.setOnInsert("procedure", key.procedure()));
        updates.add(Updates.setOnInsert("period", key.period()));
        if (key.receivingUnit() != null) {
            updates.add(Updates.setOnInsert(RECEIVING_UNIT, key.receivingUnit()));
        }
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
                doc.getString("period"), doc.getString(RECEIVING_UNIT));
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
