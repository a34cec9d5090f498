package vn.motcua.e2e.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything on a topic, read from the beginning of every partition up to the end the broker reports, without a
 * consumer group; each call reads on from where the last one stopped. Records come partition by partition in
 * offset order, so one key's records (one partition) are in the order they were written.
 */
final class TopicContents implements AutoCloseable {

    private static final Duration READ_WITHIN = Duration.ofSeconds(60);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    TopicContents(Map<String, Object> kafkaAdmin, String topic) {
        this.topic = topic;
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        this.partitions = consumer.partitionsFor(topic, READ_WITHIN).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record up to the broker's current end, partition by partition. */
    List<ConsumerRecord<String, byte[]>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_WITHIN);
        long giveUp = System.nanoTime() + READ_WITHIN.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(topic + " was not read to its end " + end + " within " + READ_WITHIN);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        List<ConsumerRecord<String, byte[]>> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return ordered;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
