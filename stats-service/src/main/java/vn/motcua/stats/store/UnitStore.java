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
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.stats.domain.Unit;
import vn.motcua.stats.domain.UnitHistories;
import vn.motcua.stats.domain.UnitOutline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collection {@code units}: the last history of every unit the catalogue topic announced,
 * {@code {_id: "SADEC-P1", name, parentCode, version, history: [{effectiveFrom, name, parentCode, closed,
 * successorCode}]}} ({@code effectiveFrom} "2025-07-01", or null on a first state that held since always). A document
 * without {@code history} (older builds, events before units had dates) is one state since always. Fed only by
 * {@code unit.changed}; nothing seeds it.
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

    /** A unit with one state since always, as {@code version}. */
    public boolean storeIfNewer(Unit unit, long version) {
        return storeIfNewer(new UnitData(unit.code(), unit.name(), unit.parentCode(), version));
    }

    /**
     * Stores the unit's history as its {@code version} if that is above the stored version, or if the unit is new; a
     * duplicate or an older version changes nothing. One single-document write: the filter matches only an older
     * document, and when there is none the upsert's insert collides on {@code _id} with a newer or equal one ("not
     * newer"). Returns whether it stored.
     */
    public boolean storeIfNewer(UnitData unit) {
        List<Document> history = new ArrayList<>();
        for (UnitState state : unit.states()) {
            history.add(new Document("effectiveFrom",
                    state.effectiveFrom() == null ? null : state.effectiveFrom().toString())
                    .append("name", state.name()).append("parentCode", state.parentCode())
                    .append("closed", state.closed()).append("successorCode", state.successorCode()));
        }
        try {
            units.updateOne(Filters.and(Filters.eq("_id", unit.code()), Filters.lt("version", unit.version())),
                    Updates.combine(Updates.set("name", unit.name()), Updates.set("parentCode", unit.parentCode()),
                            Updates.set("version", unit.version()), Updates.set("history", history)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Every unit's history: read afresh by every report and unit list. */
    public UnitHistories histories() {
        List<UnitData> all = new ArrayList<>();
        for (Document doc : units.find()) {
            List<UnitState> states = new ArrayList<>();
            for (Document state : doc.getList("history", Document.class, List.of())) {
                String from = state.getString("effectiveFrom");
                states.add(new UnitState(from == null ? null : LocalDate.parse(from), state.getString("name"),
                        state.getString("parentCode"), Boolean.TRUE.equals(state.getBoolean("closed")),
                        state.getString("successorCode")));
            }
            Number version = doc.get("version", Number.class);
            all.add(new UnitData(doc.getString("_id"), doc.getString("name"), doc.getString("parentCode"),
                    version == null ? 0 : version.longValue(), states.isEmpty() ? null : List.copyOf(states)));
        }
        return new UnitHistories(all);
    }

    /** The tree of {@code day}. */
    public UnitOutline outline(LocalDate day) {
        return histories().on(day);
    }
}
