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
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.motcua.stats.domain.DossierFacts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collection {@code dossiers}: the per-dossier projection ({@link DossierDocuments}). Every write is a single
 * document guarded by the dossier's version or by the pending delta's id, the building blocks of the
 * exactly-once protocol that {@code app.DossierProjector} runs.
 */
@Singleton
public final class DossierStore {

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
        return Optional.ofNullable(dossiers.find(Filters.eq("_id", code)).first()).map(DossierDocuments::stored);
    }

    /** The stored dossiers among {@code codes}, by code, in one query. */
    public Map<String, StoredDossier> findAll(Collection<String> codes) {
        Map<String, StoredDossier> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        for (Document doc : dossiers.find(Filters.in("_id", codes)).batchSize(BATCH)) {
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
        return dossiers.replaceOne(atVersion(changed.code(), changed.version()), doc).getMatchedCount() == 1;
    }

    /**
     * {@link #save} of many dossiers in one unordered bulk write: a new dossier is an insert, a known one a replace
     * guarded by its version. A replace whose guard does not match turns into an insert (upsert); either insert
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
                    : new ReplaceOneModel<>(atVersion(changed.code(), changed.version()), doc,
                    new ReplaceOptions().upsert(true)));
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
        dossiers.updateOne(Filters.and(Filters.eq("_id", code), Filters.eq("pending.id", deltaId)),
                Updates.unset("pending"));
    }

    /**
     * {@link #clearPending} of deltas that {@link #saveAll} has just written, in one unordered bulk write. Each
     * delta was written with its dossier's version ({@link TotalsDelta#version()}), and a dossier's next version
     * is written only once its pending delta is cleared: so while the dossier is still at that version, its
     * pending delta (if any) is this one, and a later delta of it stays.
     */
    public void clearAllPending(Collection<TotalsDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> unsets = new ArrayList<>(deltas.size());
        for (TotalsDelta delta : deltas) {
            unsets.add(new UpdateOneModel<>(atVersion(delta.code(), delta.version()), Updates.unset("pending")));
        }
        dossiers.bulkWrite(unsets, new BulkWriteOptions().ordered(false));
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
        for (Document doc : dossiers.find().projection(Projections.exclude("pending")).batchSize(BATCH)) {
            action.accept(DossierDocuments.record(doc));
        }
    }
}
