package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import vn.motcua.events.Topics;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a record that cannot be processed to {@code <topic>.dlq}, as received, with the reason in headers. */
public final class DeadLetters {

    private final Producer<String, byte[]> producer;
    private final String consumerName;

    public DeadLetters(Producer<String, byte[]> producer, String consumerName) {
        this.producer = producer;
        this.consumerName = consumerName;
    }

    /** Returns once the broker has the dead letter, so the offset after it may be committed. */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetterTopic(record.topic()), null,
                record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(Topics.DLQ_REASON_HEADER, bytes(reason));
        letter.headers().add(Topics.DLQ_ORIGIN_HEADER,
                bytes(record.topic() + "/" + record.partition() + "@" + record.offset() + " by " + consumerName));
        try {
            // Bounded: a broker that never answers must not hang the consumer loop; the record is retried instead.
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dead-letter topic refused the record", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("dead-letter topic did not acknowledge within 30 s", e);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
