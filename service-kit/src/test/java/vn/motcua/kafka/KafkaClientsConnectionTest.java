package vn.motcua.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service's {@code kafka.*} settings reach every client as its address and login, and only those. */
class KafkaClientsConnectionTest {

    private static final Map<String, Object> SERVICE_CONFIG = Map.of(
            "bootstrap.servers", "broker:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "ScramLoginModule required username=\"stats\" password=\"p\";",
            "ssl.truststore.location", "/etc/motcua/kafka-ca.p12",
            "default.api.timeout.ms", "5000",
            "group.id", "stats-service");

    @Test
    void theLoginAndTlsSettingsReachProducersConsumersAndAdmins() {
        for (Map<String, Object> config : new Map[]{KafkaClients.producerConfig(SERVICE_CONFIG),
                KafkaClients.consumerConfig(SERVICE_CONFIG, "stats-service-g1"), KafkaClients.adminConfig(SERVICE_CONFIG)}) {
            assertThat(config).containsEntry("bootstrap.servers", "broker:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", SERVICE_CONFIG.get("sasl.jaas.config"))
                    .containsEntry("ssl.truststore.location", "/etc/motcua/kafka-ca.p12");
        }
    }

    @Test
    void otherSettingsDoNotOverrideTheReliabilityRules() {
        assertThat(KafkaClients.consumerConfig(SERVICE_CONFIG, "stats-service-g1"))
                .containsEntry("group.id", "stats-service-g1")
                .containsEntry("default.api.timeout.ms", (int) KafkaClients.CONSUMER_TIMEOUT.toMillis());
        assertThat(KafkaClients.connection(SERVICE_CONFIG)).doesNotContainKeys("group.id", "default.api.timeout.ms");
    }

    @Test
    void noAddressIsAnError() {
        assertThatThrownBy(() -> KafkaClients.connection(Map.of("security.protocol", "SASL_SSL")))
                .hasMessageContaining("kafka.bootstrap.servers");
    }
}
