package vn.motcua.deadline.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Writing to and reading whole topics of the test broker. */
public final class Topic implements AutoCloseable {

    private final Map<String, Object> kafkaAdmin;
    private final Producer<String, byte[]> producer;

    public Topic(Map<String, Object> kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
        this.producer = new KafkaProducer<>(KafkaClients.producerConfig(kafkaAdmin));
    }

    /** Keyed by the event's subject; answers the partition it went to. */
    public int send(String topic, CloudEvent event) {
        return sendBytes(topic, event.subject(), EventCodec.write(event));
    }

    public void sendAll(String topic, List<CloudEvent> events) {
        var acks = events.stream()
                .map(e -> producer.send(new ProducerRecord<>(topic, e.subject(), EventCodec.write(e)))).toList();
        for (var ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Answers the partition the record went to. */
    public int sendBytes(String topic, String key, byte[] value) {
        return sendBytes(topic, null, key, value);
    }

    /** To this partition, whatever the key: what comes after a record of the same partition is read after it. */
    public int sendBytes(String topic, Integer partition, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get().partition();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on the topic now, from the beginning. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = KafkaClients.consumerConfig(kafkaAdmin, "reader-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The alerts on the topic now, read as CloudEvents. */
    public List<CloudEvent> events(String topic) {
        return readAll(topic).stream().map(r -> EventCodec.read(r.value())).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
