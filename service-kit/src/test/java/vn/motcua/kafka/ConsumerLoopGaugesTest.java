package vn.motcua.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A loop's lag and last-poll gauges, on a real broker. */
@ExtendWith(RealInfrastructureExtension.class)
class ConsumerLoopGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TestBed bed;
    private String topic;
    private Producer<String, byte[]> producer;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        this.topic = bed.topic("gauges-" + UUID.randomUUID().toString().substring(0, 8));
        this.producer = new KafkaProducer<>(KafkaClients.producerConfig(bed.kafka().adminConnection()));
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void theLagCountsTheRecordsHeldBackAndFallsToZeroOnceTheyAreProcessed() throws Exception {
        AtomicBoolean storeDown = new AtomicBoolean(true);
        try (EventConsumerLoop loop = start("lag", (event, record) -> {
            if (storeDown.get()) {
                throw new IllegalStateException("store down");
            }
        }); ConsumerLoopGauges gauges = ConsumerLoopGauges.bind(registry, "dossier-events", loop)) {
            for (int i = 0; i < 4; i++) {
                send("K");
            }
            // The first record keeps failing: its partition waits on it with all four behind.
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(ConsumerLoopGauges.LAG, "dossier-events") == 4);
            assertThat(gauge(ConsumerLoopGauges.LAST_POLL_AGE, "dossier-events")).isGreaterThanOrEqualTo(0);

            storeDown.set(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(ConsumerLoopGauges.LAG, "dossier-events") == 0);
        }
        assertThat(registry.find(ConsumerLoopGauges.LAG).gauges()).isEmpty();
        assertThat(registry.find(ConsumerLoopGauges.LAST_POLL_AGE).gauges()).isEmpty();
    }

    @Test
    void bindingAgainUnderTheSameNameReadsTheNewLoopNotTheOldOne() throws Exception {
        try (EventConsumerLoop old = start("old", (event, record) -> {
        })) {
            ConsumerLoopGauges.bind(registry, "catalogue", old); // never closed, as after a restart in one JVM
            old.close();
            try (EventConsumerLoop fresh = start("fresh", (event, record) -> {
                throw new IllegalStateException("store down");
            }); ConsumerLoopGauges gauges = ConsumerLoopGauges.bind(registry, "catalogue", fresh)) {
                send("K");
                await().atMost(Duration.ofSeconds(30)).until(() -> gauge(ConsumerLoopGauges.LAG, "catalogue") == 1);
                assertThat(registry.find(ConsumerLoopGauges.LAG).gauges()).hasSize(1);
            }
        }
    }

    private double gauge(String name, String loop) {
        Gauge gauge = registry.find(name).tag(ConsumerLoopGauges.LOOP_TAG, loop).gauge();
        assertThat(gauge).as(name + " of " + loop).isNotNull();
        return gauge.value();
    }

    private EventConsumerLoop start(String group, EventHandler handler) {
        return EventConsumerLoop.start("gauges-" + group,
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), group + "-" + topic), List.of(topic),
                handler, new DeadLetters(producer, "gauges-test"),
                new RetryPolicy(1_000, Duration.ofMillis(100), Duration.ofMillis(200)));
    }

    private void send(String key) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION,
                UUID.randomUUID(), URI.create("/test"), "test.probe", OffsetDateTime.parse("2022-01-05T08:30:00+07:00"),
                key, CloudEvent.JSON, null)))).get();
    }
}
