package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.deadline.app.DeadlineTracker;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.MalformedEventException;
import vn.motcua.kafka.EventHandler;

/**
 * Hands each dossier event of dossier-events to the tracker with the partition it came from. Data this service
 * cannot track is malformed: the shared loop sends it to the dead-letter topic rather than stopping the stream.
 */
public final class DossierEventHandler implements EventHandler {

    private final DeadlineTracker tracker;

    public DossierEventHandler(DeadlineTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        if (!event.isDossierEvent()) {
            return; // other types are not ours to judge
        }
        tracker.track(event.type(), validated(event), event.time(), record.partition());
    }

    static DossierData validated(CloudEvent event) {
        DossierData data = EventCodec.dossierData(event);
        if (data.sequence() < 1) {
            throw new MalformedEventException("event " + event.id() + ": data.sequence must be 1 or more");
        }
        // 64: the width of the code columns of the deadlines table
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
