package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.Topics;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer loop on a real broker: dead letters, retries, and offsets committed only after the effect. A broker
 * outage: ConsumerLoopBrokerOutageTest.
 */
@ExtendWith(RealInfrastructureExtension.class)
class EventConsumerLoopTest {

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Producer<String, byte[]> producer;
    private String topic;
    private TestBed bed;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        this.topic = bed.topic("loop-" + UUID.randomUUID().toString().substring(0, 8));
        this.producer = new KafkaProducer<>(KafkaClients.producerConfig(bed.kafka().adminConnection()));
        closeables.add(producer);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextEventIsStillHandled() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        start("dlq-group", (event, record) -> handled.add(event.subject()));

        send("D1", "not json at all".getBytes(StandardCharsets.UTF_8));
        send("D1", event("D1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("D1"));
        List<ConsumerRecord<String, byte[]>> letters = readAll(Topics.deadLetterTopic(topic), 1);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not json at all");
            assertThat(letter.key()).isEqualTo("D1");
            assertThat(new String(letter.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .contains("not a CloudEvent");
        });
    }

    @Test
    void aFailingHandlerStopsItsPartitionAndTheRecordIsRetriedNotSkipped() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        start("retry-group", (event, record) -> {
            if (event.subject().equals("D2") && failOnce.getAndSet(false)) {
                throw new IllegalStateException("store unavailable");
            }
            handled.add(event.subject());
        });

        send("K", event("D1"));
        send("K", event("D2"));
        send("K", event("D3"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 3);
        assertThat(handled).containsExactly("D1", "D2", "D3");
    }

    @Test
    void offsetsAreCommittedOnlyAfterTheEffect() throws Exception {
        List<String> firstRun = new CopyOnWriteArrayList<>();
        EventConsumerLoop crashing = start("commit-group", (event, record) -> {
            if (event.subject().equals("D2")) {
                throw new IllegalStateException("crash before the effect of D2");
            }
            firstRun.add(event.subject());
        });
        send("K", event("D1"));
        send("K", event("D2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> firstRun.contains("D1"));
        crashing.close();

        List<String> secondRun = new CopyOnWriteArrayList<>();
        EventConsumerLoop restarted = start("commit-group", (event, record) -> secondRun.add(event.subject()));

        await().atMost(Duration.ofSeconds(30)).until(() -> secondRun.contains("D2"));
        assertThat(secondRun).containsExactly("D2");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                restarted.isCaughtUp(new TopicPartition(topic, partitionOf("K"))));
    }

    @Test
    void aRecordThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndItsPartitionMovesOn() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger poisonAttempts = new AtomicInteger();
        EventHandler handler = (event, record) -> {
            if (event.subject().equals("POISON")) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("the store rejects POISON");
            }
            handled.add(event.subject());
        };
        EventConsumerLoop loop = start("poison-group", handler,
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400)));

        send("K", event("D1"));
        send("K", event("POISON"));
        send("K", event("D3"));
        send("K", event("D4"));

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("D4"));
        assertThat(handled).containsExactly("D1", "D3", "D4");
        assertThat(poisonAttempts).hasValue(3);
        List<ConsumerRecord<String, byte[]>> letters = readAll(Topics.deadLetterTopic(topic), 1);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("K");
            assertThat(EventCodec.read(letter.value()).subject()).isEqualTo("POISON");
            assertThat(new String(letter.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .contains("3 attempts").contains("the store rejects POISON");
        });

        // Its offset was committed with the rest: the group's next consumer does not see it again.
        loop.close();
        List<String> secondRun = new CopyOnWriteArrayList<>();
        start("poison-group", (event, record) -> secondRun.add(event.subject()));
        send("K", event("D5"));
        await().atMost(Duration.ofSeconds(30)).until(() -> secondRun.contains("D5"));
        assertThat(secondRun).containsExactly("D5");
    }

    @Test
    void aCommitRefusedAfterARebalanceDuringASlowHandlerDoesNotEndTheLoop() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        Map<String, Object> config = new HashMap<>(
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), "slow-group-" + topic));
        // The member is put out of the group once a handler holds the loop longer than this; its commit then fails.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 1500);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300);
        EventConsumerLoop loop = start("test-slow", config, (event, record) -> {
            if (event.subject().equals("SLOW") && slowOnce.getAndSet(false)) {
                sleep(Duration.ofSeconds(6));
            }
            handled.add(event.subject());
        }, RetryPolicy.DEFAULT);

        send("K", event("SLOW"));
        send("K", event("NEXT"));
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("NEXT"));

        send("K", event("AFTER-1"));
        send("L", event("AFTER-2"));
        send("M", event("AFTER-3"));
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.containsAll(List.of("AFTER-1", "AFTER-2", "AFTER-3")));
        assertThat(loop.isRunning()).isTrue();
        assertThat(handled).contains("SLOW", "NEXT");
    }

    @Test
    void aConsumerBrokenByAFailingRebalanceIsReplacedAndTheLoopGoesOn() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        EventConsumerLoop loop = start("rejoin-group", new EventHandler() {
            @Override
            public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
                handled.add(event.subject());
            }

            @Override
            public void partitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                // Thrown inside poll(): the consumer is left mid-rebalance, which the loop must not die of.
                if (failOnce.getAndSet(false)) {
                    throw new IllegalStateException("could not load the state of " + partitions);
                }
            }
        });

        send("K", event("D1"));
        send("L", event("D2"));
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.containsAll(List.of("D1", "D2")));
        assertThat(failOnce).isFalse();
        assertThat(loop.isRunning()).isTrue();
        assertThat(loop.assignment()).hasSize(TestBed.PARTITIONS);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EventConsumerLoop start(String group, EventHandler handler, RetryPolicy retries) {
        return start("test-" + group,
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), group + "-" + topic), handler, retries);
    }

    private EventConsumerLoop start(String name, Map<String, Object> config, EventHandler handler,
                                    RetryPolicy retries) {
        EventConsumerLoop loop = EventConsumerLoop.start(name, config, List.of(topic), handler,
                new DeadLetters(producer, "test"), retries);
        closeables.add(loop);
        return loop;
    }

    private EventConsumerLoop start(String group, EventHandler handler) {
        EventConsumerLoop loop = EventConsumerLoop.start("test-" + group,
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), group + "-" + topic),
                List.of(topic), handler, new DeadLetters(producer, "test"));
        closeables.add(loop);
        return loop;
    }

    private int partitionOf(String key) throws Exception {
        return producer.send(new ProducerRecord<>(topic + ".probe", key, new byte[0])).get().partition();
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    static byte[] event(String code) {
        return EventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), URI.create("/test"),
                "test.probe", OffsetDateTime.parse("2022-01-05T08:30:00+07:00"), code, CloudEvent.JSON, null));
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String dlq, int expected) {
        Map<String, Object> config = KafkaClients.consumerConfig(bed.kafka().adminConnection(), "reader-" + UUID.randomUUID());
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(dlq));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() >= expected;
            });
        }
        return read;
    }
}
