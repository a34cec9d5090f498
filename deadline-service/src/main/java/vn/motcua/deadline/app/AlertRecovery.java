package vn.motcua.deadline.app;

import vn.motcua.deadline.domain.UnpublishedAlert;
import vn.motcua.deadline.store.DeadlineStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Settles alerts recorded in {@code alerts_sent} whose publication was never confirmed (a crash or a lost ack
 * between the send and the mark). Once their lease is over, so that the tick that wrote them has surely given up, it
 * locks them ({@code SKIP LOCKED}: one instance settles each), asks the topic which of them it already holds, marks
 * those as published and sends only the missing ones, then marks those too and commits. A crash in the middle leaves
 * them unpublished and the next recovery asks again: every alert that fell due reaches the topic, none twice by id.
 */
public final class AlertRecovery {

    /** Rows settled per transaction; more wait for the next tick. */
    private static final int BATCH = 500;

    private final DeadlineStore store;
    private final AlertChannel channel;
    private final Clock clock;
    private final Duration lease;

    /** @param lease how long an unpublished alert is left to the tick that wrote it; above the producer's delivery timeout */
    public AlertRecovery(DeadlineStore store, AlertChannel channel, Clock clock, Duration lease) {
        this.store = store;
        this.channel = channel;
        this.clock = clock;
        this.lease = lease;
    }

    /** Settles the expired unpublished alerts of these dossier-events partitions; answers how many were sent again. */
    public int recover(Set<Integer> partitions) {
        if (partitions.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return store.inTransaction(transaction -> {
            List<UnpublishedAlert> unpublished = transaction.claimUnpublished(now.minus(lease), partitions, BATCH);
            if (unpublished.isEmpty()) {
                return 0;
            }
            Set<UUID> onTopic = channel.onTopic(unpublished);
            List<UnpublishedAlert> missing = unpublished.stream().filter(a -> !onTopic.contains(a.eventId())).toList();
            transaction.markPublished(onTopic, now);
            channel.republish(missing);
            transaction.markPublished(missing.stream().map(UnpublishedAlert::eventId).toList(), now);
            return missing.size();
        });
    }
}
