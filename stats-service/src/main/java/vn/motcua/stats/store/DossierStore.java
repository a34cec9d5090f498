package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;
import vn.motcua.stats.domain.DossierFacts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
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
    }

    public Optional<StoredDossier> find(String code) {
        return Optional.ofNullable(dossiers.find(Filters.eq("_id", code)).first()).map(DossierDocuments::stored);
    }

    /**
     * Writes {@code changed} as version {@code changed.version() + 1}, with its pending delta (or none), if the
     * stored document is still at {@code changed.version()} (absent for version 0). False when another writer
     * changed the dossier first.
     */
    public boolean save(DossierRecord changed, DossierFacts facts, TotalsDelta pending) {
        Document doc = DossierDocuments.document(changed, changed.version() + 1, facts, pending);
        if (changed.version() == 0) {
            return insert(doc);
        }
        return dossiers.replaceOne(Filters.and(Filters.eq("_id", changed.code()),
                Filters.eq("version", changed.version())), doc).getMatchedCount() == 1;
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

    /** Every unfinished delta with its dossier's code, one at a time: what a crash left behind. */
    public void forEachPending(BiConsumer<String, TotalsDelta> action) {
        for (Document doc : dossiers.find(Filters.exists("pending.id")).projection(Projections.include("pending"))
                .batchSize(BATCH)) {
            action.accept(doc.getString("_id"), DossierDocuments.delta(doc.get("pending", Document.class)));
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
