package vn.motcua.stats.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.BatchEventHandler;
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.app.BatchProjector;
import vn.motcua.stats.app.DossierChange;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.domain.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Feeds both topics into the projection. A dossier event adds an observation (a known sequence is a no-op); any
 * deadline alert advances the dossier's clock to the alert's time, which is how "pending within the deadline"
 * turns "overdue" for the current period. Types it does not know are skipped; unusable data goes to the DLQ.
 * A poll's worth goes to {@link BatchProjector} at once; the loop falls back on {@link #handle} when that fails.
 */
public final class StatsEventHandler implements BatchEventHandler {

    private final DossierProjector projector;
    private final BatchProjector batches;

    public StatsEventHandler(DossierProjector projector, BatchProjector batches) {
        this.projector = projector;
        this.batches = batches;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        change(event).ifPresent(change -> projector.apply(change.code(), change.change()));
    }

    /** An event with unusable data throws here too, and the loop's one-by-one path sends it to the DLQ. */
    @Override
    public void handleBatch(List<ConsumedEvent> events) {
        List<DossierChange> changes = new ArrayList<>(events.size());
        for (ConsumedEvent consumed : events) {
            change(consumed.event()).ifPresent(changes::add);
        }
        batches.applyAll(changes);
    }

    static Optional<DossierChange> change(CloudEvent event) {
        if (event.isDossierEvent()) {
            DossierData data = EventCodec.dossierData(event);
            Observation observation = Observation.of(event, data);
            return Optional.of(new DossierChange(data.dossierCode(), dossier -> dossier.withObservation(observation)));
        }
        if (event.isAlert()) {
            AlertData data = EventCodec.alertData(event);
            return Optional.of(new DossierChange(data.dossierCode(),
                    dossier -> dossier.tickedTo(event.time().toInstant())));
        }
        return Optional.empty();
    }
}
