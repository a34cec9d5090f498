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
import vn.motcua.stats.domain.Unit;
import vn.motcua.stats.domain.UnitOutline;

import java.util.ArrayList;
import java.util.List;

/**
 * Collection {@code units}: the last state of every unit the catalogue topic announced,
 * {@code {_id: "SADEC-P1", name, parentCode, version}}. Fed only by {@code unit.changed}; nothing seeds it.
 */
@Singleton
public final class UnitStore {

    private final MongoCollection<Document> units;

    @Inject
    UnitStore(StatsDatabase database) {
        this(database.get());
    }

    public UnitStore(MongoDatabase database) {
        this.units = database.getCollection("units");
    }

    /**
     * Stores the unit as {@code version} if that is above the stored version, or if the unit is new; a duplicate or
     * an older version changes nothing. One single-document write: the filter matches only an older document, and
     * when there is none the upsert's insert collides on {@code _id} with a newer or equal one ("not newer").
     * Returns whether it stored.
     */
    public boolean storeIfNewer(Unit unit, long version) {
        try {
            units.updateOne(Filters.and(Filters.eq("_id", unit.code()), Filters.lt("version", version)),
                    Updates.combine(Updates.set("name", unit.name()), Updates.set("parentCode", unit.parentCode()),
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

    /** The units as they stand now: read afresh by every report and unit list. */
    public UnitOutline outline() {
        List<Unit> all = new ArrayList<>();
        for (Document doc : units.find()) {
            all.add(new Unit(doc.getString("_id"), doc.getString("name"), doc.getString("parentCode")));
        }
        return new UnitOutline(all);
    }
}
