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
import java.util.Optional;
import java.util.Set;

/**
 * Collection {@code totals}: one pre-aggregated document per (leaf unit, procedure, period), periods of both
 * conventions, {@code {_id: "SADEC-P1|1.001612|2022-H1", unit, procedure, period, c: {newOnline: 12, …},
 * taken: [{d: <dossier code>, v: <version>}, …], rev: 42}}; the dossiers of the same key received at another unit's
 * counter have a document of their own, {@code _id: "SADEC-P1|1.001612|2022-H1|SADEC"} with
 * {@code receivingUnit: "SADEC"} ({@link TotalsKey}), so the documents of builds before receiving counters keep
 * their ids. Every write is a compare-and-set on {@code rev}; {@code taken} lists the dossier changes the last
 * write added, no more, so a document's size does not grow with the dossiers it counts (the protocol:
 * {@code app.TotalsApplier}). A report reads these few documents without {@code taken}; it never scans dossiers.
 */
@Singleton
public final class TotalsStore {

    /** One dossier change's part in one totals document: the counts its version {@code version} adds there. */
    public record Share(String code, long version, Counts counts) {

        public Taken taken() {
            return new Taken(code, version);
        }
    }

    /** A dossier change that a totals document took: the dossier's code and the version the change wrote. */
    public record Taken(String code, long version) {
    }

    /** A document as a write is guarded by it: its revision, and the changes its last write took. */
    public record State(long revision, List<Taken> taken) {
    }

    /**
     * One compare-and-set write: add {@code sum} and record {@code taken} as the document's last write, while the
     * document is as {@code seen} says (null: while it does not exist).
     */
    public record Take(TotalsKey key, State seen, Counts sum, List<Taken> taken) {
    }

    /** A document of an older build, with a watermark per dossier it ever counted (or without revision). */
    public record LegacyDocument(Object id, Object applied, TotalsKey key, Map<String, Long> versions) {
    }

    /** {@code rev}: how many writes the document has taken. Every write raises it, so a guard is an equality. */
    static final String REVISION = "rev";
    static final String TAKEN = "taken";

    /** Set only on the documents of dossiers received at another unit's counter ({@link TotalsKey#receivingUnit}). */
    static final String RECEIVING_UNIT = "receivingUnit";

    /** Older builds' watermarks: {@code applied.<code>: version}, or earlier a list of delta ids. */
    static final String LEGACY_APPLIED = "applied";

    /** The revision of a document that older builds wrote, which has none until it is converted. */
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

    /** The state of each of these documents that exists, in one query. */
    public Map<TotalsKey, State> states(Collection<TotalsKey> keys) {
        Map<TotalsKey, State> states = new HashMap<>();
        if (keys.isEmpty()) {
            return states;
        }
        Map<String, TotalsKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        for (Document doc : totals.find(Filters.in("_id", byId.keySet()))
                .projection(Projections.include(REVISION, TAKEN)).batchSize(keys.size())) {
            states.put(byId.get(doc.getString("_id")), state(doc));
        }
        return states;
    }

    /** The document's state, or empty while it does not exist. */
    public Optional<State> state(TotalsKey key) {
        return Optional.ofNullable(totals.find(Filters.eq("_id", key.id()))
                .projection(Projections.include(REVISION, TAKEN)).first()).map(TotalsStore::state);
    }

    private static State state(Document doc) {
        Number revision = doc.get(REVISION, Number.class);
        List<Taken> taken = new ArrayList<>();
        for (Document t : doc.getList(TAKEN, Document.class, List.of())) {
            taken.add(new Taken(t.getString("d"), ((Number) t.get("v")).longValue()));
        }
        return new State(revision == null ? NO_REVISION : revision.longValue(), List.copyOf(taken));
    }

    /** {@link #takeAll} of one document: false when another write came first, and nothing was written. */
    public boolean take(Take take) {
        return takeAll(List.of(take)).isEmpty();
    }

    /**
     * The takes, one write per document, in one unordered bulk write. A document that did not exist is inserted
     * whole, which collides on {@code _id} if anyone created it since; one that did is updated at its revision,
     * and the upsert makes a moved revision collide on {@code _id} likewise. Returns the documents that refused:
     * nothing of those was written.
     */
    public Set<TotalsKey> takeAll(List<Take> takes) {
        Set<TotalsKey> refused = new HashSet<>();
        List<WriteModel<Document>> writes = new ArrayList<>(takes.size());
        for (Take take : takes) {
            writes.add(take.seen() == null ? new InsertOneModel<>(created(take))
                    : new UpdateOneModel<>(atRevision(take.key(), take.seen().revision()), update(take), UPSERT));
        }
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
                refused.add(takes.get(error.getIndex()).key());
            }
        }
        return refused;
    }

    /** A plain document of exactly these two fields, so that the {@code (_id, rev)} index answers it. */
    private static Bson atRevision(TotalsKey key, long revision) {
        return new Document("_id", key.id()).append(REVISION, revision);
    }

    private static Document created(Take take) {
        TotalsKey key = take.key();
        Document doc = new Document("_id", key.id()).append("unit", key.unit()).append("procedure", key.procedure())
                .append("period", key.period());
        if (key.receivingUnit() != null) {
            doc.append(RECEIVING_UNIT, key.receivingUnit());
        }
        return doc.append("c", CountsDocuments.document(take.sum())).append(TAKEN, taken(take.taken()))
                .append(REVISION, 1L);
    }

    private static Bson update(Take take) {
        List<Bson> updates = increments(take.key(), take.sum());
        updates.add(Updates.set(TAKEN, taken(take.taken())));
        updates.add(Updates.inc(REVISION, 1L));
        return Updates.combine(updates);
    }

    private static List<Document> taken(List<Taken> taken) {
        List<Document> docs = new ArrayList<>(taken.size());
        taken.forEach(t -> docs.add(new Document("d", t.code()).append("v", t.version())));
        return docs;
    }

    /**
     * A correction found by the rebuild: plain $inc. It raises the revision, so a take guarded by the revision
     * read before refuses and reads again; it leaves {@code taken} as it is.
     */
    public void adjust(TotalsKey key, Counts difference) {
        List<Bson> updates = increments(key, difference);
        updates.add(Updates.inc(REVISION, 1L));
        totals.updateOne(Filters.eq("_id", key.id()), Updates.combine(updates), UPSERT);
    }

    /**
     * The documents older builds wrote: with a watermark per dossier ({@code applied.<code>: version}, or earlier a
     * list of the last delta ids {@code "<code>#<version>"}, read as the highest version per dossier), or without
     * a revision. {@code app.TotalsApplier} moves the watermarks onto the dossiers, then {@link #dropLegacy}.
     */
    public List<LegacyDocument> legacyDocuments() {
        List<LegacyDocument> legacy = new ArrayList<>();
        for (Document doc : totals.find(Filters.or(Filters.exists(LEGACY_APPLIED), Filters.exists(REVISION, false)))) {
            Object applied = doc.get(LEGACY_APPLIED);
            Map<String, Long> versions = new LinkedHashMap<>();
            if (applied instanceof Document watermarks) {
                watermarks.forEach((field, version) -> versions.put(AppliedVersions.decode(field),
                        ((Number) version).longValue()));
            } else if (applied instanceof List<?> ids) {
                for (Object id : ids) {
                    String text = String.valueOf(id);
                    int hash = text.lastIndexOf('#');
                    if (hash > 0) {
                        versions.merge(text.substring(0, hash), Long.parseLong(text.substring(hash + 1)), Math::max);
                    }
                }
            }
            legacy.add(new LegacyDocument(doc.get("_id"), applied, key(doc), versions));
        }
        return legacy;
    }

    /**
     * Removes a legacy document's watermarks, once they are marks on the dossiers, and gives it a revision and an
     * empty {@code taken}. Guarded by the watermarks read: a document changed meanwhile (by an instance of an older
     * build still running) is left for the next start. Returns whether it converted the document.
     */
    public boolean dropLegacy(LegacyDocument doc) {
        Bson unchanged = doc.applied() == null
                ? Filters.and(Filters.exists(LEGACY_APPLIED, false), Filters.exists(REVISION, false))
                : Filters.eq(LEGACY_APPLIED, doc.applied());
        return totals.updateOne(Filters.and(Filters.eq("_id", doc.id()), unchanged),
                Updates.combine(Updates.unset(LEGACY_APPLIED), Updates.set(TAKEN, List.of()),
                        Updates.inc(REVISION, 1L))).getModifiedCount() == 1;
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
        for (Document doc : totals.find(filter).projection(Projections.exclude(TAKEN, LEGACY_APPLIED))
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
     * count were stored without procedure, so their next deltas are for exactly these documents (their watermarks
     * are converted after, {@link #legacyDocuments}). Insert, then delete
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
