package vn.motcua.deadline.tracking;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.deadline.alert.AlertSchedule;
import vn.motcua.deadline.alert.PlannedAlert;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.MalformedEventException;
import vn.motcua.events.kafka.EventHandler;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Keeps each dossier's deadline from the dossier-events stream. Idempotent: an event whose sequence is not above
 * the stored one changes nothing, so duplicates and late older events are harmless.
 */
public final class DeadlineTracker implements EventHandler {

    private final DataSource dataSource;
    private final DeadlineStore store;
    private final AlertSchedule schedule;

    public DeadlineTracker(DataSource dataSource, DeadlineStore store, AlertSchedule schedule) {
        this.dataSource = dataSource;
        this.store = store;
        this.schedule = schedule;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        if (!event.isDossierEvent()) {
            return; // other types are not ours to judge
        }
        DossierData data = validated(event);
        Transactions.inTransaction(dataSource, connection -> {
            Optional<Deadline> stored = store.findForUpdate(connection, data.dossierCode());
            Deadline updated = stored
                    .map(deadline -> deadline.apply(event.type(), data, event.time(), record.partition()))
                    .orElseGet(() -> Deadline.first(event.type(), data, event.time(), record.partition()));
            if (stored.isEmpty() || updated != stored.get()) {
                store.save(connection, updated, schedule.next(updated).map(PlannedAlert::at).orElse(null));
            }
            return null;
        });
    }

    /** Data this service cannot track goes to the dead-letter topic rather than stopping the stream. */
    static DossierData validated(CloudEvent event) {
        DossierData data = EventCodec.dossierData(event);
        if (data.sequence() < 1) {
            throw new MalformedEventException("event " + event.id() + ": data.sequence must be 1 or more");
        }
        if (data.dossierCode().isBlank() || data.dossierCode().length() > 64 || data.unitCode().length() > 64
                || (data.procedureCode() != null && data.procedureCode().length() > 64)) {
            throw new MalformedEventException("event " + event.id() + ": dossier, unit or procedure code out of bounds");
        }
        boolean opens = !EventTypes.RESOLVED.equals(event.type()) && !EventTypes.WITHDRAWN.equals(event.type());
        if (opens && data.dueAt() == null) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + ": missing data.dueAt");
        }
        return data;
    }
}
