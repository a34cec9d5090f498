package vn.motcua.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.kafka.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads the service's dossier-events topic from the start, as a downstream consumer would. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("motcua.topics.dossier-events", String.class);
        consumer = new KafkaConsumer<>(KafkaClients.consumerConfig(bootstrap, "test-reader-" + UUID.randomUUID()));
        consumer.subscribe(List.of(topic));
    }

    /** Polls until the events read so far satisfy the condition (30 s at most). */
    public List<CloudEvent> until(Predicate<List<CloudEvent>> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return condition.test(events());
        });
        return events();
    }

    /** Polls for a while to be sure nothing more arrives, then answers what was read. */
    public List<CloudEvent> settle(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return events();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    public List<CloudEvent> events() {
        return records.stream().map(record -> EventCodec.read(record.value())).toList();
    }

    public static List<CloudEvent> of(List<CloudEvent> events, String dossierCode) {
        return events.stream().filter(event -> dossierCode.equals(event.subject())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
