package vn.motcua.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealInfrastructureExtension.class)
class KafkaIsRealTest {

    @Test
    void recordProducedWithAcksAllIsConsumedFromItsPartition(TestBed bed) throws Exception {
        String topic = bed.topic("probe");
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings(bed.kafka().adminConnection(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, "dossier-1", "hello")).get();
        }
        assertThat(sent.offset()).isGreaterThanOrEqualTo(0);

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(bed.kafka().adminConnection(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, sent.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            assertThat(read).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("dossier-1");
                assertThat(record.value()).isEqualTo("hello");
            });
        }
    }

    @Test
    void topicsHaveSeveralPartitions(TestBed bed) throws Exception {
        String topic = bed.topic("partitions");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(bed.kafka().adminConnection()),
                new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.partitionsFor(topic)).hasSize(TestBed.PARTITIONS);
        }
    }

    /** The broker's address and the super user's login, with these settings. */
    private static Map<String, Object> settings(Map<String, Object> connection, Object... keysAndValues) {
        Map<String, Object> settings = new java.util.HashMap<>(connection);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }
}
