package vn.motcua.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The service's Kafka principal ({@code motcua.kafka.user}, {@code motcua.kafka.password}), which its
 * {@code kafka.sasl.jaas.config} is made of; read by the production start's checks (ProductionSettings).
 */
@ConfigMapping(prefix = "motcua.kafka")
public interface KafkaLoginSettings {

    String user();

    Optional<String> password();
}
