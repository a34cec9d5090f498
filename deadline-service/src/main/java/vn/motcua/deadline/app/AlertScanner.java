package vn.motcua.deadline.app;

import vn.motcua.deadline.domain.AlertEvents;
import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.domain.PlannedAlert;
import vn.motcua.deadline.domain.TrackedDeadline;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One alert tick, in three steps so that no alert goes out twice by id. First the recovery settles
 * alerts an earlier tick recorded but never saw acknowledged ({@link AlertRecovery}). Then, per batch: claim the
 * deadlines coming due on the partitions this instance may alert for and record their alerts unpublished in one
 * transaction, committed before anything is sent; then publish them, wait for the acks and mark them published.
 * A crash or a failed send between the commit and the mark leaves them unpublished for the recovery, which reads
 * the topic before sending again. {@code SKIP LOCKED} keeps two instances off the same rows and the
 * {@code alerts_sent} key turns any second attempt at the same alert into nothing. Kafka is behind the ports: the
 * partitions from {@link DossierFeed}, the sends through {@link AlertChannel}.
 */
final class AlertScanner {

    /** Batches drained in one tick at most, so that a huge backlog cannot hold a tick forever. */
    private static final int MAX_ROUNDS = 100;

    private final DeadlineStore store;
    private final AlertSchedule schedule;
    private final DossierFeed gate;
    private final AlertChannel publisher;
    private final AlertRecovery recovery;
    private final Clock clock;
    private final int batchSize;

    AlertScanner(DeadlineStore store, AlertSchedule schedule, DossierFeed feed, AlertRecovery recovery, Clock clock,
                 int batchSize) {
        this.store = store;
        this.schedule = schedule;
        this.gate = feed;
        this.publisher = feed.alerts();
        this.recovery = recovery;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sends what is due now; answers how many alerts went out. Drains a backlog in batches. */
    int tick() {
        int sent = recovery.recover(gate.openPartitions());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<Integer> partitions = gate.openPartitions();
            if (partitions.isEmpty()) {
                return sent;
            }
            Instant now = clock.instant();
            Batch batch = claim(partitions, now);
            publish(batch.alerts(), now);
            sent += batch.alerts().size();
            if (batch.claimed() < batchSize) {
                return sent;
            }
        }
        return sent;
    }

    private Batch claim(Set<Integer> partitions, Instant now) {
        return store.inTransaction(transaction -> {
            List<TrackedDeadline> due = transaction.claimDue(now, partitions, batchSize);
            List<CloudEvent> alerts = new ArrayList<>();
            int handled = 0;
            for (TrackedDeadline deadline : due) {
                // Asked again with the row locked: an event applied since the claim started has the lock first.
                if (!gate.isOpen(deadline.partition())) {
                    continue;
                }
                handled++;
                AlertSchedule.Firing firing = schedule.fire(deadline, now);
                for (PlannedAlert alert : firing.toSend()) {
                    CloudEvent event = AlertEvents.toEvent(deadline, alert, now);
                    String json = new String(EventCodec.write(event), StandardCharsets.UTF_8);
                    if (transaction.recordSent(deadline.dossierCode(), alert.type(), alert.about(), event.id(), json,
                            now)) {
                        alerts.add(event);
                    }
                }
                transaction.saveAlertState(firing.deadline(), firing.nextAlertAt());
            }
            return new Batch(handled, alerts);
        });
    }

    /** Throws when the broker does not acknowledge: the alerts stay unpublished and the recovery settles them. */
    private void publish(List<CloudEvent> alerts, Instant now) {
        if (alerts.isEmpty()) {
            return;
        }
        publisher.publish(alerts);
        store.inTransaction(transaction -> {
            transaction.markPublished(alerts.stream().map(CloudEvent::id).toList(), now);
            return null;
        });
    }

    /**
     * @param claimed rows handled; fewer than a batch means nothing more is due for now
     * @param alerts  the alerts recorded, to publish
     */
    private record Batch(int claimed, List<CloudEvent> alerts) {
    }
}
