package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * With no broker at the address, the suite's clients give up within their configured seconds instead of the
 * clients' defaults (a minute for a send's metadata and for a consumer call): the bound here is half a minute.
 */
class KafkaClientsTimeoutTest {

    private static final Duration WELL_BELOW_THE_DEFAULTS = Duration.ofSeconds(30);

    @Test
    void aSendWithoutABrokerFailsInsteadOfWaitingAMinute() throws IOException {
        String nowhere = "localhost:" + freePort();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(Map.of("bootstrap.servers", nowhere)));
        try {
            assertTimeoutPreemptively(WELL_BELOW_THE_DEFAULTS, () ->
                    assertThatThrownBy(() -> producer.send(new ProducerRecord<>("nowhere", "K", new byte[0])).get())
                            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class));
        } finally {
            producer.close(Duration.ZERO);
        }
    }

    @Test
    void aConsumerCallWithoutABrokerFailsInsteadOfWaitingAMinute() throws IOException {
        String nowhere = "localhost:" + freePort();
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(KafkaClients.consumerConfig(Map.of("bootstrap.servers", nowhere), "timeout-test"));
        try {
            assertTimeoutPreemptively(WELL_BELOW_THE_DEFAULTS, () ->
                    assertThatThrownBy(() -> consumer.committed(Set.of(new TopicPartition("nowhere", 0))))
                            .isInstanceOf(TimeoutException.class));
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    @Test
    void theTimeoutsAreExplicitAndConsistent() {
        assertThat(KafkaClients.producerConfig(Map.of("bootstrap.servers", "x"))).containsEntry("request.timeout.ms", 5_000)
                .containsEntry("max.block.ms", 5_000).containsEntry("delivery.timeout.ms", 10_000);
        assertThat(KafkaClients.consumerConfig(Map.of("bootstrap.servers", "x"), "g")).containsEntry("request.timeout.ms", 10_000)
                .containsEntry("default.api.timeout.ms", 10_000);
        // Kafka refuses a delivery timeout shorter than linger + request timeout.
        assertThat(KafkaClients.DELIVERY_TIMEOUT)
                .isGreaterThanOrEqualTo(KafkaClients.REQUEST_TIMEOUT.plusMillis(5));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
