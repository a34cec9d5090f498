package vn.motcua.deadline.app;

import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.domain.PlannedAlert;
import vn.motcua.deadline.domain.TrackedDeadline;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.events.DossierData;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Keeps each dossier's deadline from the dossier-events stream. Idempotent: an event whose sequence is not above
 * the stored one changes nothing, so duplicates and late older events are harmless, and a closed dossier stays
 * closed. The row is read under lock and written back in one transaction, with when its next alert falls due.
 */
public final class DeadlineTracker {

    private final DeadlineStore store;
    private final AlertSchedule schedule;

    public DeadlineTracker(DeadlineStore store, AlertSchedule schedule) {
        this.store = store;
        this.schedule = schedule;
    }

    /**
     * Applies one dossier event.
     *
     * @param partition the dossier-events partition it came from: only the instance reading it may alert
     */
    public void track(String type, DossierData data, OffsetDateTime eventTime, int partition) {
        store.inTransaction(transaction -> {
            Optional<TrackedDeadline> stored = transaction.findForUpdate(data.dossierCode());
            TrackedDeadline updated = stored
                    .map(deadline -> deadline.apply(type, data, eventTime, partition))
                    .orElseGet(() -> TrackedDeadline.first(type, data, eventTime, partition));
            if (stored.isEmpty() || updated != stored.get()) {
                transaction.save(updated, schedule.next(updated).map(PlannedAlert::at).orElse(null));
            }
            return updated;
        });
    }
}
