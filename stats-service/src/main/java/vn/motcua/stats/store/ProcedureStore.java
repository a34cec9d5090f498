package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;
import vn.motcua.stats.domain.ProcedureCatalogue;

import java.util.HashMap;
import java.util.Map;

/**
 * Collection {@code procedures}: the last state of every procedure the catalogue topic announced, as far as reports
 * need it, {@code {_id: "1.001612", name, field, version}}. Fed only by {@code procedure.changed}.
 */
@Singleton
public final class ProcedureStore {

    private final MongoCollection<Document> procedures;

    @Inject
    ProcedureStore(StatsDatabase database) {
        this(database.get());
    }

    public ProcedureStore(MongoDatabase database) {
        this.procedures = database.getCollection("procedures");
    }

    /** As {@code UnitStore.storeIfNewer}: one guarded upsert; a duplicate or an older version changes nothing. */
    public boolean storeIfNewer(ProcedureCatalogue.Procedure procedure, long version) {
        try {
            procedures.updateOne(Filters.and(Filters.eq("_id", procedure.code()), Filters.lt("version", version)),
                    Updates.combine(Updates.set("name", procedure.name()), Updates.set("field", procedure.field()),
                            Updates.set("version", version)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The catalogue as it stands now: read afresh by every report. */
    public ProcedureCatalogue catalogue() {
        Map<String, ProcedureCatalogue.Procedure> all = new HashMap<>();
        for (Document doc : procedures.find()) {
            String code = doc.getString("_id");
            all.put(code, new ProcedureCatalogue.Procedure(code, doc.getString("name"), doc.getString("field")));
        }
        return new ProcedureCatalogue(all);
    }
}
