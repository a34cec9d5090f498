package vn.motcua.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What a downstream consumer or a supervisor's tool does: a plain consumer in a group of its own, reading a topic
 * from the beginning. Values are parsed by the caller's function (the event codec, a JSON tree …).
 */
public final class TopicReader<T> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<byte[], T> parse;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    /** @param connection address and login ({@code KafkaService.adminConnection()}, or a principal's) */
    public TopicReader(Map<String, Object> connection, String topic, Function<byte[], T> parse) {
        this.parse = parse;
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, polling once more. */
    public List<T> values() {
        consumer.poll(POLL).forEach(records::add);
        return parsed();
    }

    /** Polls until the values read so far satisfy the condition (30 s at most). */
    public List<T> until(Predicate<List<T>> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> condition.test(values()));
        return parsed();
    }

    /** Polls for a while to be sure nothing more arrives, then answers what was read. */
    public List<T> settle(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(POLL).forEach(records::add);
        }
        return parsed();
    }

    /** The raw records read so far, with keys and headers. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    private List<T> parsed() {
        return records.stream().map(record -> parse.apply(record.value())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
