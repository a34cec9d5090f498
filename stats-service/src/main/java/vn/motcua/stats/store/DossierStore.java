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
import vn.motcua.stats.domain.DossierFacts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collection {@code dossiers}: the per-dossier projection ({@link DossierDocuments}). Every write is a single
 * document guarded by the dossier's version or by the pending delta's id: the building
 * blocks of the exactly-once protocol that {@code app.DossierProjector} and {@code app.TotalsApplier} run.
 */
@Singleton
public final class DossierStore {

    /**
     * A totals document took the dossier's change that wrote {@code version}: while that change is the dossier's
     * pending delta, the document's id is in the dossier's {@code takenBy}.
     */
    public record Mark(String code, TotalsKey key, long version) {
    }

    static final String TAKEN_BY = "takenBy";
    private static final Bson NOT_TAKEN_BY = Projections.exclude(TAKEN_BY);
    private static final Bson FINISHED = Updates.combine(Updates.unset("pending"), Updates.unset(TAKEN_BY));

    /** Scans come in batches; the wire server otherwise answers a whole collection in one reply. */
    private static final int BATCH = 1_000;

    private final MongoCollection<Document> dossiers;

    @Inject
    DossierStore(StatsDatabase database) {
        this(database.get());
    }

    public DossierStore(MongoDatabase database) {
        this.dossiers = database.getCollection("dossiers");
    }

    public void ensureIndexes() {
        dossiers.createIndex(Indexes.ascending("nextTickAt"));
        dossiers.createIndex(Indexes.ascending("pending.id"));
        // The version guard's own index: MongoDB answers {_id, version} from the _id index anyway, but the
        // testkit's mongo-java-server uses an index only when the filter names exactly its fields, and scans the
        // whole collection otherwise (StatsApplyBenchmark). Unique because _id is; speed only, never correctness.
        dossiers.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    }

    public Optional<StoredDossier> find(String code) {
        return Optional.ofNullable(dossiers.find(Filters.eq("_id", code)).projection(NOT_TAKEN_BY).first()).map(DossierDocuments::stored);
    }

    /** The stored dossiers among {@code codes}, by code, in one query. */
    public Map<String, StoredDossier> findAll(Collection<String> codes) {
        Map<String, StoredDossier> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        for (Document doc : dossiers.find(Filters.in("_id", codes)).projection(NOT_TAKEN_BY).batchSize(BATCH)) {
            found.put(doc.getString("_id"), DossierDocuments.stored(doc));
        }
        return found;
    }

    /**
     * Writes {@code changed} as version {@code changed.version() + 1}, with its pending delta (or none) stamped
     * {@code now}, if the stored document is still at {@code changed.version()} (absent for version 0). False when
     * another writer changed the dossier first.
     */
    public boolean save(DossierRecord changed, DossierFacts facts, TotalsDelta pending, Instant now) {
        Document doc = DossierDocuments.document(changed, changed.version() + 1, facts, pending, now);
        if (changed.version() == 0) {
            return insert(doc);
        }
        return dossiers.updateOne(atVersion(changed.code(), changed.version()), withNoneTaken(doc))
                .getMatchedCount() == 1;
    }

    /**
     * {@link #save} of many dossiers in one unordered bulk write: a new dossier is an insert, a known one an update
     * guarded by its version. An update whose guard does not match turns into an insert (upsert); either insert
     * collides on {@code _id} when another writer was first: that is how a lost write shows itself per dossier.
     * Returns the codes of the lost ones, written by nobody here.
     */
    public Set<String> saveAll(List<DossierWrite> writes, Instant now) {
        Set<String> lost = new HashSet<>();
        if (writes.isEmpty()) {
            return lost;
        }
        List<WriteModel<Document>> replaces = new ArrayList<>(writes.size());
        for (DossierWrite write : writes) {
            DossierRecord changed = write.changed();
            Document doc = DossierDocuments.document(changed, changed.version() + 1, write.facts(), write.pending(),
                    now);
            replaces.add(changed.version() == 0 ? new InsertOneModel<>(doc)
                    : new UpdateOneModel<>(atVersion(changed.code(), changed.version()), withNoneTaken(doc),
                    new UpdateOptions().upsert(true)));
        }
        try {
            dossiers.bulkWrite(replaces, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(writes.get(error.getIndex()).changed().code());
            }
        }
        return lost;
    }

    /** Sets every field of the new version, and no totals document has taken its pending delta yet. */
    private static Bson withNoneTaken(Document doc) {
        Document fields = new Document(doc);
        fields.remove("_id");
        fields.put(TAKEN_BY, List.of());
        return new Document("$set", fields);
    }

    /**
     * The dossier while it is at {@code version}: a plain document of exactly these two fields (not
     * {@code Filters.and}, which renders as {@code $and}), so that the {@code (_id, version)} index answers it.
     */
    private static Bson atVersion(String code, long version) {
        return new Document("_id", code).append("version", version);
    }

    private boolean insert(Document doc) {
        try {
            dossiers.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Removes the pending delta once every totals document has it; a later delta of the dossier stays. */
    public void clearPending(String code, String deltaId) {
        dossiers.updateOne(Filters.and(Filters.eq("_id", code), Filters.eq("pending.id", deltaId)), FINISHED);
    }

    /**
     * Marks the dossiers' pending deltas taken by the documents, one update per dossier and version in one
     * unordered bulk write, each guarded by the version its delta was written as ({@link TotalsDelta#version()}):
     * a dossier no longer at it had that delta finished, and needs no mark. A mark on a dossier whose delta is
     * finished already is never read (no pending delta) and goes with its next version.
     */
    public void markTaken(Collection<Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        Map<Bson, List<String>> byDossier = new LinkedHashMap<>();
        for (Mark mark : marks) {
            byDossier.computeIfAbsent(atVersion(mark.code(), mark.version()), at -> new ArrayList<>())
                    .add(mark.key().id());
        }
        List<WriteModel<Document>> updates = new ArrayList<>(byDossier.size());
        byDossier.forEach((at, ids) -> updates.add(new UpdateOneModel<>(at, Updates.addEachToSet(TAKEN_BY, ids))));
        dossiers.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /**
     * Unsets the pending deltas that {@link #saveAll} has just written and every totals document they touch has
     * taken, in one unordered bulk write, each guarded by the version the delta was written as. A dossier's next
     * version is written only once its pending delta is finished: so while the dossier is at that version its
     * pending delta (if any) is this one, and a dossier no longer at it had this delta finished by someone else.
     */
    public void clearAllPending(Collection<TotalsDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> unsets = new ArrayList<>(deltas.size());
        for (TotalsDelta delta : deltas) {
            unsets.add(new UpdateOneModel<>(atVersion(delta.code(), delta.version()), FINISHED));
        }
        dossiers.bulkWrite(unsets, new BulkWriteOptions().ordered(false));
    }

    /**
     * Whether the totals document has taken the dossier's change that wrote {@code version}: yes unless that change
     * is still the dossier's pending delta and the document is not in its {@code takenBy}. A dossier's deltas are
     * finished in version order, so one that is not pending any more is in every document it touches.
     */
    public boolean hasTaken(String code, TotalsKey key, long version) {
        Document doc = dossiers.find(Filters.eq("_id", code)).projection(Projections.include("pending.id", TAKEN_BY))
                .first();
        Document pending = doc == null ? null : doc.get("pending", Document.class);
        if (pending == null || !pending.getString("id").equals(TotalsDelta.id(code, version))) {
            return true;
        }
        return doc.getList(TAKEN_BY, String.class, List.of()).contains(key.id());
    }

    /** Every unfinished delta, one at a time: what a crash left behind, or what a writer is finishing now. */
    public void forEachPending(Consumer<TotalsDelta> action) {
        forEachPending(Filters.exists("pending.id"), action);
    }

    /**
     * The unfinished deltas written before {@code cutoff} (and those of older builds, which have no time): left
     * by a writer that stopped, or one that is very slow; finishing them twice does no harm.
     */
    public void forEachPendingWrittenBefore(Instant cutoff, Consumer<TotalsDelta> action) {
        forEachPending(Filters.and(Filters.exists("pending.id"), Filters.not(Filters.gte("pending.at",
                Date.from(cutoff)))), action);
    }

    private void forEachPending(Bson filter, Consumer<TotalsDelta> action) {
        for (Document doc : dossiers.find(filter).projection(Projections.include("pending")).batchSize(BATCH)) {
            action.accept(DossierDocuments.delta(doc.get("pending", Document.class)));
        }
    }

    /** Codes of open dossiers whose counters may change by the passing of time alone by {@code now}. */
    public List<String> dueForTick(Instant now, int limit) {
        List<String> codes = new ArrayList<>();
        for (Document doc : dossiers.find(Filters.lte("nextTickAt", Date.from(now)))
                .projection(Projections.include("_id")).limit(limit)) {
            codes.add(doc.getString("_id"));
        }
        return codes;
    }

    /** Every dossier, one at a time, without its pending delta (the rebuild). */
    public void forEachDossier(Consumer<DossierRecord> action) {
        for (Document doc : dossiers.find().projection(Projections.exclude("pending", TAKEN_BY)).batchSize(BATCH)) {
            action.accept(DossierDocuments.record(doc));
        }
    }
}
