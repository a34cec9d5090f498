package vn.motcua.intake.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import vn.motcua.events.kafka.KafkaClients;

import java.util.Map;

/** The suite's client settings with short network timeouts: Kafka away fails a call in seconds, not a minute. */
final class KafkaTimeouts {

    private KafkaTimeouts() {
    }

    static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = KafkaClients.producerConfig(bootstrapServers);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    static Map<String, Object> consumerConfig(String bootstrapServers, String groupId) {
        Map<String, Object> config = KafkaClients.consumerConfig(bootstrapServers, groupId);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }
}
