package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import vn.motcua.deadline.store.UnpublishedAlert;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends alerts to deadline-alerts, keyed by dossier code, and returns only once the broker acknowledged all. Not
 * final: the crash tests put a failure right after the acks (or before the send) through a subclass.
 */
public class AlertPublisher {

    private final Producer<String, byte[]> producer;
    private final String topic;

    public AlertPublisher(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    public void publishAll(List<CloudEvent> alerts) {
        send(alerts.stream().map(a -> new ProducerRecord<>(topic, a.subject(), EventCodec.write(a))).toList());
    }

    /** Sends again, byte for byte, alerts as {@code alerts_sent} recorded them. */
    public void republish(List<UnpublishedAlert> alerts) {
        send(alerts.stream().map(a -> new ProducerRecord<>(topic, a.dossierCode(),
                a.json().getBytes(StandardCharsets.UTF_8))).toList());
    }

    /**
     * The partition of deadline-alerts the producer's default partitioner gives this dossier code, so that the
     * recovery reads back only that partition. Blocks at most the producer's max.block.ms for the metadata.
     */
    public int partitionOf(String dossierCode) {
        int partitions = producer.partitionsFor(topic).size();
        return BuiltInPartitioner.partitionForKey(dossierCode.getBytes(StandardCharsets.UTF_8), partitions);
    }

    void send(List<ProducerRecord<String, byte[]>> records) {
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
}
