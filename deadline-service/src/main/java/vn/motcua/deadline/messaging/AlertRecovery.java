package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.deadline.store.UnpublishedAlert;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.KafkaClients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Settles alerts recorded in {@code alerts_sent} whose publication was never confirmed (a crash or a lost ack
 * between the send and the mark, issue 15). Once their lease is over, so that the tick that wrote them has surely
 * given up, it locks them ({@code SKIP LOCKED}: one instance settles each), reads deadline-alerts back from a
 * little before the oldest attempt, marks the ids found there as published and sends only the missing ones, then
 * marks those too and commits. A crash in the middle leaves them unpublished and the next recovery reads them back
 * again: every alert that fell due reaches the topic, none twice by id.
 */
public final class AlertRecovery {

    /** Rows settled per transaction; more wait for the next tick. */
    private static final int BATCH = 500;
    /** Read back from this long before the oldest attempt: producer and broker clocks may differ a little. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    /** The longest read-back of one recovery; beyond it the recovery fails and the next one tries again. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    private final DeadlineStore store;
    private final AlertPublisher publisher;
    private final String bootstrapServers;
    private final Clock clock;
    private final Duration lease;

    /** @param lease how long an unpublished alert is left to the tick that wrote it; above the producer's delivery timeout */
    public AlertRecovery(DeadlineStore store, AlertPublisher publisher, String bootstrapServers, Clock clock,
                         Duration lease) {
        this.store = store;
        this.publisher = publisher;
        this.bootstrapServers = bootstrapServers;
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
            Set<UUID> onTopic = readBack(unpublished);
            List<UnpublishedAlert> missing = unpublished.stream().filter(a -> !onTopic.contains(a.eventId())).toList();
            transaction.markPublished(onTopic, now);
            publisher.republish(missing);
            transaction.markPublished(missing.stream().map(UnpublishedAlert::eventId).toList(), now);
            return missing.size();
        });
    }

    /** The ids among these alerts that deadline-alerts holds, committed, on the partitions their keys go to. */
    private Set<UUID> readBack(List<UnpublishedAlert> alerts) {
        Set<UUID> wanted = alerts.stream().map(UnpublishedAlert::eventId).collect(Collectors.toSet());
        Set<TopicPartition> partitions = alerts.stream()
                .map(a -> new TopicPartition(publisher.topic(), publisher.partitionOf(a.dossierCode())))
                .collect(Collectors.toSet());
        Instant oldest = alerts.stream().map(UnpublishedAlert::attemptedAt).min(Comparator.naturalOrder()).orElseThrow();
        long from = oldest.minus(MARGIN).toEpochMilli();
        Set<UUID> found = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerConfig())) {
            Map<TopicPartition, Long> timestamps = new HashMap<>();
            partitions.forEach(p -> timestamps.put(p, Math.max(0, from)));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(timestamps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            // No record at or after that time on a partition: nothing of these attempts can be there.
            List<TopicPartition> toRead = partitions.stream()
                    .filter(p -> starts.get(p) != null && starts.get(p).offset() < ends.get(p)).toList();
            consumer.assign(toRead);
            toRead.forEach(p -> consumer.seek(p, starts.get(p).offset()));
            Instant giveUp = Instant.now().plus(READ_LIMIT);
            while (toRead.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("deadline-alerts read-back did not reach the end in " + READ_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    idOf(record).filter(wanted::contains).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static Optional<UUID> idOf(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(EventCodec.read(record.value()).id());
        } catch (RuntimeException e) {
            return Optional.empty(); // not an alert of ours: it cannot be one we are looking for
        }
    }

    /** read_committed, no group: the reader assigns its partitions and commits nothing. */
    private Map<String, Object> readerConfig() {
        Map<String, Object> config = KafkaClients.consumerConfig(bootstrapServers, null);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "deadline-alerts-recovery-" + UUID.randomUUID().toString().substring(0, 8));
        return config;
    }
}
