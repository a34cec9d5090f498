package vn.motcua.stats.store;

import org.bson.Document;
import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;
import vn.motcua.events.ResultDelivery;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.DossierFacts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.Observation;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BSON mapping of a {@code dossiers} document: {@code _id} (the code), {@code version}, {@code obs} (the
 * observations, with procedure, result delivery, handling time, receiving counter and transfer, which the rebuild
 * needs), {@code tickedClock}; derived {@code unit}, {@code procedure}, {@code open}, {@code clock}, {@code nextTickAt}
 * for operators and the sweep's index; and, while a change is in flight, {@code pending} ({@code {id:
 * "<code>#<version>", at, incs: [{unit, procedure, period, receivingUnit?, c}]}}, {@code at} when it was written, by
 * the writer's wall clock) and {@code takenBy}, the ids of the totals documents that have taken it
 * ({@link DossierStore#markTaken}).
 */
public final class DossierDocuments {

    private DossierDocuments() {
    }

    /**
     * The document of {@code record} as {@code version}; {@code facts} are the record's, already derived;
     * {@code pendingAt} is when the pending delta (if any) is written.
     */
    public static Document document(DossierRecord record, long version, DossierFacts facts, TotalsDelta pending,
                                    Instant pendingAt) {
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
                    .append("timeliness", o.timeliness() == null ? null : o.timeliness().name())
                    .append("procedure", o.procedure())
                    .append("resultDelivery", o.resultDelivery() == null ? null : o.resultDelivery().name())
                    .append("handlingWorkingDays", o.handlingWorkingDays())
                    .append("receivedAtUnit", o.receivedAtUnit())
                    .append("previousUnit", o.previousUnit())
                    .append("transferredAt", date(o.transferredAt())));
        }
        Document doc = new Document("_id", record.code())
                .append("version", version)
                .append("obs", observations)
                .append("tickedClock", date(record.tickedClock()))
                .append("unit", facts.unit())
                .append("procedure", facts.procedure())
                .append("open", facts.isOpen())
                .append("clock", date(facts.clock()))
                .append("nextTickAt", date(facts.nextTickAt()));
        if (pending != null) {
            doc.append("pending", pending(pending, pendingAt));
        }
        return doc;
    }

    static StoredDossier stored(Document doc) {
        Document pending = doc.get("pending", Document.class);
        return new StoredDossier(record(doc), pending == null ? null : delta(pending));
    }

    static DossierRecord record(Document doc) {
        List<Observation> observations = new ArrayList<>();
        for (Document o : doc.getList("obs", Document.class, List.of())) {
            String channel = o.getString("channel");
            String timeliness = o.getString("timeliness");
            String delivery = o.getString("resultDelivery");
            observations.add(new Observation(o.getString("id"), ((Number) o.get("seq")).longValue(),
                    o.getString("type"), instant(o.getDate("at")), o.getString("unit"),
                    channel == null ? null : Channel.valueOf(channel), o.getInteger("onlineLevel"),
                    instant(o.getDate("receivedAt")), instant(o.getDate("dueAt")),
                    timeliness == null ? null : Timeliness.valueOf(timeliness), o.getString("procedure"),
                    delivery == null ? null : ResultDelivery.valueOf(delivery), o.getInteger("handlingWorkingDays"),
                    o.getString("receivedAtUnit"), o.getString("previousUnit"), instant(o.getDate("transferredAt"))));
        }
        return new DossierRecord(doc.getString("_id"), ((Number) doc.get("version")).longValue(),
                List.copyOf(observations), instant(doc.getDate("tickedClock")));
    }

    static Document pending(TotalsDelta delta, Instant at) {
        List<Document> incs = new ArrayList<>();
        delta.changes().forEach((key, counts) -> {
            Document inc = new Document("unit", key.unit()).append("procedure", key.procedure())
                    .append("period", key.period());
            if (key.receivingUnit() != null) {
                inc.append("receivingUnit", key.receivingUnit());
            }
            incs.add(inc.append("c", CountsDocuments.document(counts)));
        });
        return new Document("id", delta.id()).append("at", date(at)).append("incs", incs);
    }

    /**
     * The id names the dossier and the version, also in documents written before {@code at} existed; an inc
     * without {@code procedure} (an older build's) is for the documents converted to {@link TotalsKey#NO_PROCEDURE}.
     */
    static TotalsDelta delta(Document pending) {
        Map<TotalsKey, Counts> changes = new LinkedHashMap<>();
        for (Document inc : pending.getList("incs", Document.class)) {
            String procedure = inc.getString("procedure");
            changes.put(new TotalsKey(inc.getString("unit"), procedure == null ? TotalsKey.NO_PROCEDURE : procedure,
                            inc.getString("period"), inc.getString("receivingUnit")),
                    CountsDocuments.counts(inc.get("c", Document.class)));
        }
        return TotalsDelta.ofId(pending.getString("id"), changes);
    }

    private static Date date(Instant t) {
        return t == null ? null : Date.from(t);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
