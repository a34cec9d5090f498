package vn.motcua.stats.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.kafka.EventHandler;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.domain.Observation;

/**
 * Feeds both topics into the projection. A dossier event adds an observation (a known sequence is a no-op); any
 * deadline alert advances the dossier's clock to the alert's time, which is how "pending within the deadline"
 * turns "overdue" for the current period. Types it does not know are skipped; unusable data goes to the DLQ.
 */
public final class StatsEventHandler implements EventHandler {

    private final DossierProjector projector;

    public StatsEventHandler(DossierProjector projector) {
        this.projector = projector;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        if (event.isDossierEvent()) {
            DossierData data = EventCodec.dossierData(event);
            Observation observation = Observation.of(event, data);
            projector.apply(data.dossierCode(), dossier -> dossier.withObservation(observation));
        } else if (event.isAlert()) {
            AlertData data = EventCodec.alertData(event);
            projector.apply(data.dossierCode(), dossier -> dossier.tickedTo(event.time().toInstant()));
        }
    }
}
