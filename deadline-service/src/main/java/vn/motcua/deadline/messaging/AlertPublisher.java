package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.deadline.app.AlertChannel;
import vn.motcua.deadline.domain.UnpublishedAlert;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.KafkaClients;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The deadline-alerts topic for the alert tick and its recovery: sends alerts keyed by dossier code and returns only
 * once the broker acknowledged all, and reads the topic back to tell which unconfirmed alerts it already holds. Not
 * final: the crash tests put a failure right after the acks (or before the send) through a subclass.
 */
public class AlertPublisher implements AlertChannel {

    /** Read back from this long before the oldest attempt: producer and broker clocks may differ a little. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    /** The longest read-back; beyond it the recovery fails and the next one tries again. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Map<String, Object> kafkaConfig;

    public AlertPublisher(Producer<String, byte[]> producer, String topic, Map<String, Object> kafkaConfig) {
        this.producer = producer;
        this.topic = topic;
        this.kafkaConfig = kafkaConfig;
    }

    @Override
    public void publish(List<CloudEvent> alerts) {
        send(alerts.stream().map(a -> new ProducerRecord<>(topic, a.subject(), EventCodec.write(a))).toList());
    }

    @Override
    public void republish(List<UnpublishedAlert> alerts) {
        send(alerts.stream().map(a -> new ProducerRecord<>(topic, a.dossierCode(),
                a.json().getBytes(StandardCharsets.UTF_8))).toList());
    }

    /** Reads, committed only, the partitions these alerts' keys go to, from a little before the oldest attempt. */
    @Override
    public Set<UUID> onTopic(List<UnpublishedAlert> alerts) {
        if (alerts.isEmpty()) {
            return Set.of();
        }
        Set<UUID> wanted = alerts.stream().map(UnpublishedAlert::eventId).collect(Collectors.toSet());
        Set<TopicPartition> partitions = alerts.stream()
                .map(a -> new TopicPartition(topic, partitionOf(a.dossierCode())))
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

    /**
     * The partition of deadline-alerts the producer's default partitioner gives this dossier code, so that the
     * read-back reads only that partition. Blocks at most the producer's max.block.ms for the metadata.
     */
    int partitionOf(String dossierCode) {
        int partitions = producer.partitionsFor(topic).size();
        return BuiltInPartitioner.partitionForKey(dossierCode.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** Protected for the crash tests, which fail here on purpose. */
    protected void send(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            acks.add(producer.send(record));
        }
        try {
            // The producer's delivery timeout (10 s, KafkaClients) ends every send first; this is a backstop.
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for alert acks", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("deadline-alerts did not acknowledge: " + e.getMessage(), e);
        }
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
        Map<String, Object> config = KafkaClients.consumerConfig(kafkaConfig, null);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "deadline-alerts-recovery-" + UUID.randomUUID().toString().substring(0, 8));
        return config;
    }
}
