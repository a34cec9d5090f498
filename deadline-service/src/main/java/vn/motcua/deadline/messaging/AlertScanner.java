package vn.motcua.deadline.messaging;

import vn.motcua.deadline.domain.AlertEvents;
import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.domain.Deadline;
import vn.motcua.deadline.domain.PlannedAlert;
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
 * One alert tick: claim the deadlines coming due on the partitions this instance may alert for, mark their alerts
 * sent and publish them, all inside one database transaction that commits only after the broker's ack. A failed
 * publish rolls back and the next tick tries again; {@code SKIP LOCKED} keeps two instances off the same rows and
 * the {@code alerts_sent} key turns any second attempt at the same alert into nothing. An alert published but not
 * committed (a crash between the ack and the commit) goes out again with the same id ({@link AlertEvents#alertId}),
 * so a consumer can drop the repeat. It lives at the Kafka edge
 * because the publish is part of the transaction.
 */
public final class AlertScanner {

    /** Batches drained in one tick at most, so that a huge backlog cannot hold a tick forever. */
    private static final int MAX_ROUNDS = 100;

    private final DeadlineStore store;
    private final AlertSchedule schedule;
    private final PartitionGate gate;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final int batchSize;

    public AlertScanner(DeadlineStore store, AlertSchedule schedule, PartitionGate gate, AlertPublisher publisher,
                        Clock clock, int batchSize) {
        this.store = store;
        this.schedule = schedule;
        this.gate = gate;
        this.publisher = publisher;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sends what is due now; answers how many alerts went out. Drains a backlog in batches. */
    public int tick() {
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<Integer> partitions = gate.open();
            if (partitions.isEmpty()) {
                return sent;
            }
            Batch batch = claimAndSend(partitions, clock.instant());
            sent += batch.sent();
            if (batch.claimed() < batchSize) {
                return sent;
            }
        }
        return sent;
    }

    private Batch claimAndSend(Set<Integer> partitions, Instant now) {
        return store.inTransaction(transaction -> {
            List<Deadline> due = transaction.claimDue(now, partitions, batchSize);
            List<CloudEvent> alerts = new ArrayList<>();
            int handled = 0;
            for (Deadline deadline : due) {
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
            publisher.publishAll(alerts);
            return new Batch(handled, alerts.size());
        });
    }

    /** @param claimed rows handled; fewer than a batch means nothing more is due for now */
    private record Batch(int claimed, int sent) {
    }
}
