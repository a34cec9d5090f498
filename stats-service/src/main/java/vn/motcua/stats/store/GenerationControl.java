package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;
import vn.motcua.stats.domain.GenerationState;

import java.time.Instant;
import java.util.Date;

/**
 * Collection {@code generations} of the configured database (generation 0's, whichever is served): one document,
 * {@code {_id: "serving", serving, servingSince, building, buildingSince, latest}}. Every instance reads it on a
 * timer; both changes are single-document conditional writes, so among several instances exactly one starts a
 * rebuild and exactly one flips it.
 */
@Singleton
public final class GenerationControl {

    static final String ID = "serving";

    private final MongoCollection<Document> control;

    @Inject
    GenerationControl(StatsDatabase database) {
        this(database.get());
    }

    public GenerationControl(MongoDatabase database) {
        this.control = database.getCollection("generations");
    }

    /** As stored; {@link GenerationState#INITIAL} before any rebuild was started. */
    public GenerationState read() {
        Document doc = control.find(Filters.eq("_id", ID)).first();
        if (doc == null) {
            return GenerationState.INITIAL;
        }
        Number building = doc.get("building", Number.class);
        return new GenerationState(doc.get("serving", Number.class).longValue(), instant(doc.getDate("servingSince")),
                building == null ? null : building.longValue(), instant(doc.getDate("buildingSince")),
                doc.get("latest", Number.class).longValue());
    }

    /**
     * Starts generation {@code seen.next()} if the document is still as {@code seen} says and nothing is being
     * built. False when another call was first.
     */
    public boolean startBuilding(GenerationState seen, Instant at) {
        long next = seen.next();
        if (seen.latest() == 0) { // no document yet: the first rebuild creates it, and only one insert wins
            try {
                control.insertOne(new Document("_id", ID).append("serving", seen.serving()).append("servingSince", null)
                        .append("building", next).append("buildingSince", Date.from(at)).append("latest", next));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return control.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("serving", seen.serving()),
                        Filters.eq("building", null), Filters.eq("latest", seen.latest())),
                Updates.combine(Updates.set("building", next), Updates.set("buildingSince", Date.from(at)),
                        Updates.set("latest", next))).getMatchedCount() == 1;
    }

    /** Serves {@code seen.building()} instead of {@code seen.serving()}, if nobody did first. */
    public boolean flip(GenerationState seen, Instant at) {
        if (!seen.isBuilding()) {
            return false;
        }
        return control.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("serving", seen.serving()),
                        Filters.eq("building", seen.building())),
                Updates.combine(Updates.set("serving", seen.building()), Updates.set("servingSince", Date.from(at)),
                        Updates.set("building", null), Updates.set("buildingSince", null)))
                .getMatchedCount() == 1;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
