package vn.motcua.stats.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import vn.motcua.events.Channel;
import vn.motcua.events.Timeliness;
import vn.motcua.stats.projection.Contributions;
import vn.motcua.stats.projection.Counter;
import vn.motcua.stats.projection.Counts;
import vn.motcua.stats.projection.DossierFacts;
import vn.motcua.stats.projection.Observation;
import vn.motcua.stats.projection.TotalsKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Collection {@code dossiers}: the per-dossier projection, and the exactly-once protocol that moves its changes
 * into {@link TotalsStore} without multi-document transactions.
 *
 * <p>Each change of a dossier's facts is written in this order:
 * <ol>
 *   <li>one replace of the dossier document, guarded by its version, holding the new observations and clock
 *       <em>and</em> the pending delta: {@code {id: "<code>#<version>", incs: [{unit, period, c}]}}, the
 *       difference of {@link Contributions} before and after;</li>
 *   <li>one guarded $inc per totals document ({@link TotalsStore#applyOnce}), which a document takes once per
 *       delta id;</li>
 *   <li>an $unset of the pending delta.</li>
 * </ol>
 * A crash before 1 leaves no trace and the event comes again (offsets are committed after the effect). A crash
 * after 1 leaves the delta on the dossier: it is finished at startup ({@link #finishAllPending}) and before any
 * further change of that dossier, and the guard makes the totals documents that already took it skip it. The
 * redelivered event then finds its sequence already observed and changes nothing.
 */
public final class DossierStore {

    private static final int MAX_ATTEMPTS = 100;
    /** Scans come in batches; the wire server otherwise answers a whole collection in one reply. */
    private static final int BATCH = 1_000;

    private final MongoCollection<Document> dossiers;
    private final TotalsStore totals;
    private final CrashPoint crashPoint;

    public DossierStore(MongoDatabase database, TotalsStore totals, CrashPoint crashPoint) {
        this.dossiers = database.getCollection("dossiers");
        this.totals = totals;
        this.crashPoint = crashPoint;
    }

    public void ensureIndexes() {
        dossiers.createIndex(Indexes.ascending("nextTickAt"));
        dossiers.createIndex(Indexes.ascending("pending.id"));
        totals.ensureIndexes();
    }

    /** Applies a change of one dossier exactly once in effect. Returns false when it changed nothing. */
    public boolean apply(String code, UnaryOperator<DossierRecord> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document doc = dossiers.find(Filters.eq("_id", code)).first();
            if (doc != null && doc.get("pending") != null) {
                finish(code, doc.get("pending", Document.class));
                continue;
            }
            DossierRecord before = doc == null ? DossierRecord.empty(code) : DossierDocuments.record(doc);
            DossierRecord after = change.apply(before);
            if (after == before) {
                return false;
            }
            DossierFacts newFacts = after.facts();
            Map<TotalsKey, Counts> delta = Contributions.difference(Contributions.of(before.facts()),
                    Contributions.of(newFacts));
            long version = before.version() + 1;
            Document pending = delta.isEmpty() ? null : DossierDocuments.pending(code + "#" + version, delta);
            Document next = DossierDocuments.document(after, version, newFacts, pending);
            if (!(doc == null ? insert(next) : replace(code, before.version(), next))) {
                continue; // another writer changed this dossier first: read again
            }
            crashPoint.reached("dossier-written");
            if (pending != null) {
                finish(code, pending);
            }
            return true;
        }
        throw new IllegalStateException("dossier " + code + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /** Finishes every delta a crash left behind; run before consuming. Returns how many it finished. */
    public int finishAllPending() {
        int finished = 0;
        for (Document doc : dossiers.find(Filters.exists("pending.id")).projection(Projections.include("pending"))
                .batchSize(BATCH)) {
            finish(doc.getString("_id"), doc.get("pending", Document.class));
            finished++;
        }
        return finished;
    }

    private void finish(String code, Document pending) {
        String deltaId = pending.getString("id");
        for (Document inc : pending.getList("incs", Document.class)) {
            totals.applyOnce(deltaId, new TotalsKey(inc.getString("unit"), inc.getString("period")),
                    DossierDocuments.counts(inc.get("c", Document.class)));
            crashPoint.reached("totals-applied");
        }
        dossiers.updateOne(Filters.and(Filters.eq("_id", code), Filters.eq("pending.id", deltaId)),
                Updates.unset("pending"));
        crashPoint.reached("pending-cleared");
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

    private boolean replace(String code, long version, Document doc) {
        return dossiers.replaceOne(Filters.and(Filters.eq("_id", code), Filters.eq("version", version)), doc)
                .getMatchedCount() == 1;
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

    /** Every dossier's facts, one at a time (the rebuild), with deltas left by a crash finished first. */
    public void forEachFacts(Consumer<DossierFacts> action) {
        finishAllPending();
        for (Document doc : dossiers.find().projection(Projections.exclude("pending")).batchSize(BATCH)) {
            action.accept(DossierDocuments.record(doc).facts());
        }
    }

    public long count() {
        return dossiers.countDocuments();
    }

    /** Mapping between {@link DossierRecord} and its BSON document. */
    public static final class DossierDocuments {

        private DossierDocuments() {
        }

        public static Document document(DossierRecord record, long version, DossierFacts facts, Document pending) {
            List<Document> observations = new ArrayList<>();
            for (Observation o : record.observations()) {
                observations.add(new Document("id", o.eventId())
                        .append("seq", o.sequence())
                        .append("type", o.type())
                        .append("at", date(o.at()))
                        .append("unit", o.unit())
                        .append("channel", o.channel() == null ? null : o.channel().name())
                        .append("onlineLevel", o.onlineLevel())
                        .append("receivedAt", date(o.receivedAt()))
                        .append("dueAt", date(o.dueAt()))
                        .append("timeliness", o.timeliness() == null ? null : o.timeliness().name()));
            }
            Document doc = new Document("_id", record.code())
                    .append("version", version)
                    .append("obs", observations)
                    .append("tickedClock", date(record.tickedClock()))
                    // Derived, for operators and the sweep's index.
                    .append("unit", facts.unit())
                    .append("open", facts.isOpen())
                    .append("clock", date(facts.clock()))
                    .append("nextTickAt", date(facts.nextTickAt()));
            if (pending != null) {
                doc.append("pending", pending);
            }
            return doc;
        }

        static DossierRecord record(Document doc) {
            List<Observation> observations = new ArrayList<>();
            for (Document o : doc.getList("obs", Document.class, List.of())) {
                String channel = o.getString("channel");
                String timeliness = o.getString("timeliness");
                observations.add(new Observation(o.getString("id"), ((Number) o.get("seq")).longValue(),
                        o.getString("type"), instant(o.getDate("at")), o.getString("unit"),
                        channel == null ? null : Channel.valueOf(channel), o.getInteger("onlineLevel"),
                        instant(o.getDate("receivedAt")), instant(o.getDate("dueAt")),
                        timeliness == null ? null : Timeliness.valueOf(timeliness)));
            }
            return new DossierRecord(doc.getString("_id"), ((Number) doc.get("version")).longValue(),
                    List.copyOf(observations), instant(doc.getDate("tickedClock")));
        }

        static Document pending(String deltaId, Map<TotalsKey, Counts> delta) {
            List<Document> incs = new ArrayList<>();
            delta.forEach((key, counts) -> {
                Document c = new Document();
                counts.asMap().forEach((counter, amount) -> c.append(counter.field(), amount));
                incs.add(new Document("unit", key.unit()).append("period", key.period()).append("c", c));
            });
            return new Document("id", deltaId).append("incs", incs);
        }

        static Counts counts(Document c) {
            Map<Counter, Long> values = new HashMap<>();
            for (Counter counter : Counter.values()) {
                Number value = c.get(counter.field(), Number.class);
                if (value != null) {
                    values.put(counter, value.longValue());
                }
            }
            return Counts.of(values);
        }

        private static Date date(Instant t) {
            return t == null ? null : Date.from(t);
        }

        private static Instant instant(Date d) {
            return d == null ? null : d.toInstant();
        }
    }
}
