package vn.motcua.deadline.alert;

import vn.motcua.deadline.tracking.Deadline;
import vn.motcua.deadline.tracking.DeadlineStore;
import vn.motcua.deadline.tracking.Transactions;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One alert tick: claim the deadlines coming due on the partitions this instance may alert for, mark their alerts
 * sent and publish them, all inside one database transaction that commits only after the broker's ack. A failed
 * publish rolls back and the next tick tries again; {@code SKIP LOCKED} keeps two instances off the same rows and
 * the {@code alerts_sent} key turns any second attempt at the same alert into nothing.
 */
public final class AlertScanner {

    public static final URI SOURCE = URI.create("/motcua/deadline-service");

    private final DataSource dataSource;
    private final DeadlineStore store;
    private final AlertSchedule schedule;
    private final PartitionGate gate;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final int batchSize;

    public AlertScanner(DataSource dataSource, DeadlineStore store, AlertSchedule schedule, PartitionGate gate,
                        AlertPublisher publisher, Clock clock, int batchSize) {
        this.dataSource = dataSource;
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
        for (int round = 0; round < 100; round++) {
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
        return Transactions.inTransaction(dataSource, connection -> {
            List<Deadline> due = store.claimDue(connection, now, partitions, batchSize);
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
                    CloudEvent event = toEvent(deadline, alert, now, clock.getZone());
                    if (store.recordSent(connection, deadline.dossierCode(), alert.type(), alert.about(), event.id(), now)) {
                        alerts.add(event);
                    }
                }
                store.saveAlertState(connection, firing.deadline(), firing.nextAlertAt());
            }
            publisher.publishAll(alerts);
            return new Batch(handled, alerts.size());
        });
    }

    static CloudEvent toEvent(Deadline deadline, PlannedAlert alert, Instant now, ZoneId zone) {
        AlertData data = new AlertData(deadline.dossierCode(), deadline.unitCode(), deadline.procedureCode(),
                deadline.dueDate(), at(alert.about(), zone), at(deadline.newAppointmentAt(), zone), deadline.sequence());
        // time = when the alert's moment came at the one-stop shop, in whole seconds as in the contract's fixtures
        // (due-soon 07:30, overdue dueAt + 1 s); never before the dossier was received, never after now
        Instant happened = EventTypes.DUE_SOON.equals(alert.type()) ? alert.at() : alert.about().plusSeconds(1);
        if (happened.isBefore(deadline.receivedAt())) {
            happened = deadline.receivedAt();
        }
        return EventCodec.alert(alert.type(), SOURCE, at(happened.isAfter(now) ? now : happened, zone), data);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** @param claimed rows handled; fewer than a batch means nothing more is due for now */
    private record Batch(int claimed, int sent) {
    }
}
