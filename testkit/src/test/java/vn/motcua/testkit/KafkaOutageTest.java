package vn.motcua.testkit;

import vn.motcua.infra.KafkaService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dedicated broker can be taken away and brought back at the same address, for outage tests. */
class KafkaOutageTest {

    @Test
    void aSuspendedBrokerRefusesWritesAndTakesThemAgainAfterRestart() throws Exception {
        try (KafkaService kafka = Backends.ownKafka();
             KafkaProducer<String, String> producer = new KafkaProducer<>(settings(kafka.adminConnection(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                     ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000), new StringSerializer(), new StringSerializer())) {
            kafka.createTopics(List.of("outage"), 3);
            producer.send(new ProducerRecord<>("outage", "k", "before")).get(10, TimeUnit.SECONDS);

            kafka.suspend();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("outage", "k", "during")).get(10, TimeUnit.SECONDS))
                    .isNotNull();

            kafka.restart();
            assertThat(producer.send(new ProducerRecord<>("outage", "k", "after")).get(30, TimeUnit.SECONDS).offset())
                    .isPositive();
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
