package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How a consumer loop reports in /q/health, on a real broker: UP while its thread runs, DOWN once it died. */
@ExtendWith(RealInfrastructureExtension.class)
class LoopHealthTest {

    @Test
    void upAndCaughtUpWhileItsThreadRunsAndDownOnceTheThreadDied(TestBed bed) {
        String topic = bed.compactedTopic("catalogue");
        String bootstrap = bed.kafka().bootstrapServers();
        try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrap));
             EventConsumerLoop loop = EventConsumerLoop.start("health-test",
                     KafkaClients.consumerConfig(bootstrap, "health-" + bed.namespace()), List.of(topic),
                     (event, record) -> {
                         // not a RuntimeException: the loop's thread ends on it, as on a bug or an OutOfMemoryError
                         throw new AssertionError("the loop's thread dies on " + record.key());
                     }, new DeadLetters(producer, "health-test"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(LoopHealth.of("loop", loop)));
            HealthCheckResponse running = LoopHealth.of("loop", loop);
            assertThat(running.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(running.getData().orElseThrow()).containsEntry("partitions", 3L);

            Catalogue.publishUnits(bootstrap, topic, List.of(Catalogue.unit("SADEC", null)));
            // The thread's uncaught error is what this test causes, not a failure of it.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() ->
                    LoopHealth.of("loop", loop).getStatus() == HealthCheckResponse.Status.DOWN);
        }
        assertThat(LoopHealth.of("loop", null).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    private static boolean caughtUp(HealthCheckResponse response) {
        return Boolean.TRUE.equals(response.getData().orElseThrow().get("caughtUp"));
    }
}
