package vn.motcua.stats.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.kafka.EventHandler;
import vn.motcua.stats.store.DossierStore;

/**
 * Feeds both topics into the projection. A dossier event adds an observation (a known sequence is a no-op); any
 * deadline alert advances the dossier's clock to the alert's time, which is how "pending within the deadline"
 * turns "overdue" for the current period. Types it does not know are skipped; unusable data goes to the DLQ.
 */
public final class StatsEventHandler implements EventHandler {

    private final DossierStore store;

    public StatsEventHandler(DossierStore store) {
        this.store = store;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        if (event.isDossierEvent()) {
            DossierData data = EventCodec.dossierData(event);
            Observation observation = Observation.of(event, data);
            store.apply(data.dossierCode(), dossier -> dossier.withObservation(observation));
        } else if (event.isAlert()) {
            AlertData data = EventCodec.alertData(event);
            store.apply(data.dossierCode(), dossier -> dossier.tickedTo(event.time().toInstant()));
        }
    }
}
