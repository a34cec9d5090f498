package vn.motcua.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a consumer loop reports in /q/health, on a real broker: running, caught up, dead, stuck. Alone in the JVM
 * while it runs: the error it kills a loop's thread with would fail any other test's {@code await()}, which catches
 * the uncaught exceptions of every thread.
 */
@Isolated
@ExtendWith(RealInfrastructureExtension.class)
class ConsumerLoopHealthTest {

    private static final Duration MAX_SILENCE = Duration.ofSeconds(1);

    private TestBed bed;
    private String topic;
    private Producer<String, byte[]> producer;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        this.topic = bed.topic("health-" + UUID.randomUUID().toString().substring(0, 8));
        this.producer = new KafkaProducer<>(KafkaClients.producerConfig(bed.kafka().adminConnection()));
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void readyAndLiveWhileTheThreadRunsAndDownOnBothOnceItDied() throws Exception {
        try (EventConsumerLoop loop = start((event, record) -> {
            // not a RuntimeException: the loop's thread ends on it, as on a bug or an OutOfMemoryError
            throw new AssertionError("the loop's thread dies on " + record.key());
        })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(ConsumerLoopHealth.readiness("loop", loop)));
            HealthCheckResponse ready = ConsumerLoopHealth.readiness("loop", loop);
            assertThat(ready.getName()).isEqualTo("loop");
            assertThat(ready.getStatus()).isEqualTo(Status.UP);
            assertThat(ready.getData().orElseThrow()).containsEntry("partitions", (long) TestBed.PARTITIONS);
            assertThat(ConsumerLoopHealth.liveness("loop", loop, MAX_SILENCE).getStatus()).isEqualTo(Status.UP);

            send("K");
            // The thread's uncaught error is what this test causes, not a failure of it.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() ->
                    ConsumerLoopHealth.readiness("loop", loop).getStatus() == Status.DOWN);
            assertThat(ConsumerLoopHealth.liveness("loop", loop, Duration.ofDays(1)).getStatus())
                    .isEqualTo(Status.DOWN);
            assertThat(ConsumerLoopHealth.caughtUp(loop)).isFalse();
        }
        assertThat(ConsumerLoopHealth.readiness("loop", null).getStatus()).isEqualTo(Status.DOWN);
        assertThat(ConsumerLoopHealth.liveness("loop", null, MAX_SILENCE).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void notLiveWhileAHandlerHoldsTheLoopPastTheSilenceAllowedAndLiveAgainOnceItReturns() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (EventConsumerLoop loop = start((event, record) -> {
            inHandler.countDown();
            awaitQuietly(release);
        })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(ConsumerLoopHealth.readiness("loop", loop)));
            send("K");
            assertThat(inHandler.await(30, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    ConsumerLoopHealth.liveness("loop", loop, MAX_SILENCE).getStatus() == Status.DOWN);
            HealthCheckResponse stuck = ConsumerLoopHealth.liveness("loop", loop, MAX_SILENCE);
            assertThat((Long) stuck.getData().orElseThrow().get("millisSinceLastPoll"))
                    .isGreaterThan(MAX_SILENCE.toMillis());
            assertThat(stuck.getData().orElseThrow()).containsEntry("maxSilenceMillis", MAX_SILENCE.toMillis());
            // The thread runs: readiness does not see a stuck loop, liveness does.
            assertThat(ConsumerLoopHealth.readiness("loop", loop).getStatus()).isEqualTo(Status.UP);

            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    ConsumerLoopHealth.liveness("loop", loop, MAX_SILENCE).getStatus() == Status.UP);
        }
    }

    private EventConsumerLoop start(EventHandler handler) {
        return EventConsumerLoop.start("health-test",
                KafkaClients.consumerConfig(bed.kafka().adminConnection(), "health-" + topic), List.of(topic),
                handler, new DeadLetters(producer, "health-test"));
    }

    private void send(String key) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION,
                UUID.randomUUID(), URI.create("/test"), "test.probe", OffsetDateTime.parse("2022-01-05T08:30:00+07:00"),
                key, CloudEvent.JSON, null)))).get();
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean caughtUp(HealthCheckResponse response) {
        return Boolean.TRUE.equals(response.getData().orElseThrow().get("caughtUp"));
    }
}
