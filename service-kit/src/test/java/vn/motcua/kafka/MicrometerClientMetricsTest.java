package vn.motcua.kafka;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka clients made from {@link KafkaClients} show their metrics in a real Prometheus registry behind Micrometer's
 * global one (as Quarkus wires /q/metrics), per partition and per client under one name, and take them away when
 * they close. Alone in the JVM while it runs: the clients of the tests beside it would show in the global registry.
 */
@Isolated
@ExtendWith(RealInfrastructureExtension.class)
class MicrometerClientMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeEach
    void addPrometheus() {
        Metrics.addRegistry(prometheus);
    }

    @AfterEach
    void removePrometheus() {
        Metrics.removeRegistry(prometheus);
        prometheus.close();
    }

    @Test
    void aClientsMetricsAreScrapedPerPartitionAndForTheClientAndGoneWhenItCloses(TestBed bed) {
        String topic = bed.topic("client-metrics");
        String producerId = "metrics-producer-" + UUID.randomUUID();
        String consumerId = "metrics-consumer-" + UUID.randomUUID();
        Map<String, Object> producerConfig = KafkaClients.producerConfig(bed.kafka().adminConnection());
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, producerId);
        Map<String, Object> consumerConfig = KafkaClients.consumerConfig(bed.kafka().adminConnection(), consumerId);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerId);
        List<TopicPartition> partitions = IntStream.range(0, TestBed.PARTITIONS)
                .mapToObj(partition -> new TopicPartition(topic, partition)).toList();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            for (TopicPartition partition : partitions) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, partition.partition(), "K" + i, new byte[]{1}));
                }
            }
            producer.flush();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Object> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() == 9;
            });

            List<Sample> lagMax = samples("kafka_consumer_fetch_manager_records_lag_max", consumerId);
            // Kafka's client-wide variant and one per partition, under one name with one set of labels.
            assertThat(lagMax).as(lagMax.toString()).extracting(sample -> sample.labels().get("partition"))
                    .containsExactlyInAnyOrder("", "0", "1", "2");
            assertThat(lagMax).allSatisfy(sample ->
                    assertThat(sample.labels()).containsOnlyKeys("client_id", "topic", "partition"));
            assertThat(samples("kafka_consumer_fetch_manager_records_consumed_total", consumerId))
                    .extracting(Sample::value).containsExactly(9.0, 9.0);
            assertThat(samples("kafka_producer_record_send_total", producerId))
                    .extracting(Sample::value).containsExactly(9.0);
        }

        assertThat(prometheus.scrape()).doesNotContain(producerId).doesNotContain(consumerId);
    }

    private List<Sample> samples(String name, String clientId) {
        List<Sample> found = new ArrayList<>();
        for (String line : prometheus.scrape().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            if (clientId.equals(labels.get("client_id"))) {
                found.add(new Sample(labels, Double.parseDouble(sample.group(3))));
            }
        }
        return found;
    }

    private record Sample(Map<String, String> labels, double value) {
    }
}
