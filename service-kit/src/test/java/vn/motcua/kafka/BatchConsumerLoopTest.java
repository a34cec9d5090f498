package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer loop's batch path on a real broker: one call per poll, the one-by-one fallback, commit after effect. */
@ExtendWith(RealInfrastructureExtension.class)
class BatchConsumerLoopTest {

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Producer<String, byte[]> producer;
    private String topic;
    private TestBed bed;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        this.topic = bed.topic("batch-" + UUID.randomUUID().toString().substring(0, 8));
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
    void aPollsReadableEventsGoToOneBatchAndGarbageToTheDeadLetterTopic() throws Exception {
        send("K0", "not json at all".getBytes(StandardCharsets.UTF_8));
        List<String> codes = IntStream.range(0, 60).mapToObj(i -> "D" + i).toList();
        for (String code : codes) {
            send("K" + code.hashCode() % 7, event(code));
        }
        Recording recording = new Recording(batch -> { });
        start("success", recording);

        await().atMost(Duration.ofSeconds(30)).until(() -> recording.batched.size() == codes.size());
        assertThat(recording.batched).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(recording.oneByOne).isEmpty();
        assertThat(recording.batchSizes).as("several events per call").anyMatch(size -> size > 1);
        assertThat(readAll(Topics.deadLetterTopic(topic), 1)).singleElement().satisfies(letter ->
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not json at all"));
    }

    @Test
    void aFailingBatchIsHandledOneByOneAndItsPoisonIsDeadLetteredAfterItsAttempts() throws Exception {
        AtomicInteger poisonAttempts = new AtomicInteger();
        Recording recording = new Recording(batch -> {
            if (batch.contains("POISON")) {
                throw new IllegalStateException("the store rejects a batch with POISON");
            }
        }) {
            @Override
            public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
                if (event.subject().equals("POISON")) {
                    poisonAttempts.incrementAndGet();
                    throw new IllegalStateException("the store rejects POISON");
                }
                super.handle(event, record);
            }
        };
        // Everything on one key, so one partition: the poll that brings POISON brings its neighbours.
        send("K", event("D1"));
        send("K", "garbage".getBytes(StandardCharsets.UTF_8));
        send("K", event("POISON"));
        send("K", event("D3"));
        EventConsumerLoop loop = start("poison", recording, new RetryPolicy(3, Duration.ofMillis(100),
                Duration.ofMillis(400)));

        await().atMost(Duration.ofSeconds(60)).until(() -> recording.all().contains("D3"));
        assertThat(poisonAttempts).hasValue(3);
        assertThat(recording.all()).doesNotContain("POISON").containsOnlyOnce("D3");
        List<ConsumerRecord<String, byte[]>> letters = readAll(Topics.deadLetterTopic(topic), 2);
        assertThat(letters).hasSize(2);
        assertThat(letters).anySatisfy(letter ->
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("garbage"));
        assertThat(letters).anySatisfy(letter -> {
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"subject\":\"POISON\"");
            assertThat(new String(letter.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("3 attempts");
        });

        // Once its partition moved past the poison, it is back on the batch path.
        send("K", event("D5"));
        await().atMost(Duration.ofSeconds(30)).until(() -> recording.batched.contains("D5"));
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void aBatchIsCommittedOnlyAfterTheCallReturns() throws Exception {
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recording recording = new Recording(batch -> {
            inBatch.countDown();
            awaitLatch(release);
        });
        for (int i = 0; i < 9; i++) {
            send("K" + i, event("D" + i));
        }
        String group = "commit";
        start(group, recording);

        assertThat(inBatch.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(committed(group)).as("nothing committed while the batch runs").isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> recording.batched.size() == 9);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                committed(group).values().stream().mapToLong(Long::longValue).sum() == 9);
    }

    @Test
    void aBatchThatFailsForGoodCommitsNothingAndANewConsumerGetsItAgain() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("K" + i, event("D" + i));
        }
        AtomicInteger calls = new AtomicInteger();
        EventHandler down = new BatchEventHandler() {
            @Override
            public void handleBatch(List<ConsumedEvent> events) {
                calls.incrementAndGet();
                throw new IllegalStateException("store away");
            }

            @Override
            public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
                throw new IllegalStateException("store away");
            }
        };
        String group = "again";
        EventConsumerLoop failing = start(group, down, new RetryPolicy(100, Duration.ofSeconds(30),
                Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() > 0);
        failing.close();
        assertThat(committed(group)).isEmpty();

        Recording recording = new Recording(batch -> { });
        start(group, recording);
        await().atMost(Duration.ofSeconds(30)).until(() -> recording.batched.size() == 5);
        assertThat(recording.batched).containsExactlyInAnyOrder("D0", "D1", "D2", "D3", "D4");
    }

    /** Records what each path handled; {@code beforeBatch} may throw to fail a batch. */
    private static class Recording implements BatchEventHandler {
        final List<String> batched = new CopyOnWriteArrayList<>();
        final List<String> oneByOne = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        private final Consumer<List<String>> beforeBatch;

        Recording(Consumer<List<String>> beforeBatch) {
            this.beforeBatch = beforeBatch;
        }

        @Override
        public void handleBatch(List<ConsumedEvent> events) {
            List<String> subjects = events.stream().map(e -> e.event().subject()).toList();
            beforeBatch.accept(subjects);
            batchSizes.add(subjects.size());
            batched.addAll(subjects);
        }

        @Override
        public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
            oneByOne.add(event.subject());
        }

        List<String> all() {
            List<String> all = new ArrayList<>(batched);
            all.addAll(oneByOne);
            return all;
        }
    }

    private String groupId(String group) {
        return group + "-" + topic;
    }

    /** The group's committed offsets, asked by a client that does not join it. */
    private Map<TopicPartition, Long> committed(String group) {
        Set<TopicPartition> partitions = IntStream.range(0, TestBed.PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), groupId(group)))) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(partitions, Duration.ofSeconds(10));
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EventConsumerLoop start(String group, EventHandler handler) {
        return start(group, handler, RetryPolicy.DEFAULT);
    }

    private EventConsumerLoop start(String group, EventHandler handler, RetryPolicy retries) {
        EventConsumerLoop loop = EventConsumerLoop.start("test-" + group,
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), groupId(group)), List.of(topic), handler,
                new DeadLetters(producer, "test"), retries);
        closeables.add(loop);
        return loop;
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static byte[] event(String code) {
        return EventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), URI.create("/test"),
                "test.probe", OffsetDateTime.parse("2022-01-05T08:30:00+07:00"), code, CloudEvent.JSON, null));
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String dlq, int expected) {
        Map<String, Object> config = KafkaClients.consumerConfig(bed.kafka().adminConnection(),
                "reader-" + UUID.randomUUID());
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(dlq));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() >= expected;
            });
            // Whatever else is already there (a letter sent twice) comes with the next polls.
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }
}
