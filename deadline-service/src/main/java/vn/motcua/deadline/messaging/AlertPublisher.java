package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends alerts to deadline-alerts, keyed by dossier code, and returns only once the broker acknowledged all. */
public final class AlertPublisher {

    private final Producer<String, byte[]> producer;
    private final String topic;

    public AlertPublisher(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public void publishAll(List<CloudEvent> alerts) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(alerts.size());
        for (CloudEvent alert : alerts) {
            acks.add(producer.send(new ProducerRecord<>(topic, alert.subject(), EventCodec.write(alert))));
        }
        try {
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
