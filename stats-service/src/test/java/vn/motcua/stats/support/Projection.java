package vn.motcua.stats.support;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.app.BatchProjector;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.domain.Contributions;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.messaging.StatsEventHandler;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance's projection classes on a database, fed without Kafka: the handler the consumer loop calls, with
 * the crash point and wall clock a test chooses; and what the database holds, to compare.
 */
public final class Projection {

    private final MongoDatabase database;
    private final DossierProjector projector;
    private final StatsEventHandler handler;

    public Projection(MongoDatabase database, CrashPoint crashPoint, Clock wallClock) {
        this.database = database;
        DossierStore dossiers = new DossierStore(database);
        TotalsStore totals = new TotalsStore(database);
        this.projector = new DossierProjector(dossiers, totals, crashPoint, wallClock);
        this.handler = new StatsEventHandler(projector,
                new BatchProjector(dossiers, totals, projector, crashPoint, wallClock));
        projector.prepareCollections();
    }

    public Projection(MongoDatabase database) {
        this(database, CrashPoint.NONE, Clock.systemUTC());
    }

    public DossierProjector projector() {
        return projector;
    }

    public StatsEventHandler handler() {
        return handler;
    }

    /** The events as the loop hands them over (the record is a stand-in: the handler reads the event only). */
    public static List<ConsumedEvent> consumed(List<Events.Outgoing> events) {
        List<ConsumedEvent> consumed = new ArrayList<>(events.size());
        for (Events.Outgoing o : events) {
            consumed.add(new ConsumedEvent(o.event(), new ConsumerRecord<>(o.alert() ? "alerts" : "dossiers", 0,
                    consumed.size(), o.key(), (byte[]) null)));
        }
        return consumed;
    }

    public void oneByOne(List<ConsumedEvent> events) {
        events.forEach(e -> handler.handle(e.event(), e.record()));
    }

    public TotalsStore totals() {
        return new TotalsStore(database);
    }

    /** Every dossier as stored, by code. */
    public Map<String, DossierRecord> dossiers() {
        Map<String, DossierRecord> all = new HashMap<>();
        new DossierStore(database).forEachDossier(dossier -> all.put(dossier.code(), dossier));
        return all;
    }

    /** The totals recounted from the dossier documents alone: what the running totals must equal. */
    public Map<TotalsKey, Counts> recount() {
        Map<TotalsKey, Counts> recount = new HashMap<>();
        for (DossierRecord dossier : dossiers().values()) {
            Contributions.of(dossier.facts()).forEach((key, counts) ->
                    recount.computeIfAbsent(key, k -> new Counts()).addAll(counts));
        }
        return recount;
    }

    public long pendingDeltas() {
        return database.getCollection("dossiers").countDocuments(new org.bson.Document("pending.id",
                new org.bson.Document("$exists", true)));
    }
}
