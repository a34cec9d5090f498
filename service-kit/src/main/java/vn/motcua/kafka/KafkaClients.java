package vn.motcua.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client settings that the reliability rules require; every service builds its clients from these.
 *
 * <p>Network waits are bounded explicitly, well under the clients' defaults of a minute or two: with the broker
 * away, a send, a commit or a lookup fails within seconds and is retried by its caller, and no health check or
 * thread waits a minute on it. Every client reports its metrics to Micrometer ({@link MicrometerClientMetrics}).
 *
 * <p>Where and as whom a client connects comes from the service's {@code kafka.*} configuration, the map Quarkus
 * publishes as {@code @Identifier("default-kafka-broker")}: {@link #connection} keeps its address and its security
 * settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}; docs/operations.md, "Kafka logins").
 */
public final class KafkaClients {

    /** A producer request (send, metadata) waiting for the broker's answer. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** {@code send()} blocking for metadata or buffer space. */
    public static final Duration MAX_BLOCK = Duration.ofSeconds(5);
    /** A record from {@code send()} to its ack or failure, retries included; at least linger + request timeout. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    /** A consumer request, and a consumer call without a timeout of its own (position, committed, commitSync). */
    public static final Duration CONSUMER_TIMEOUT = Duration.ofSeconds(10);

    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.Metrics");

    private KafkaClients() {
    }

    /**
     * The address and the login of {@code kafkaConfig}, without its other settings, which the reliability rules
     * fix here. Fails when there is no address.
     */
    public static Map<String, Object> connection(Map<String, ?> kafkaConfig) {
        Map<String, Object> connection = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
        if (connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("no kafka.bootstrap.servers in the Kafka configuration");
        }
        return connection;
    }

    /** Keys are dossier codes, values CloudEvent JSON; idempotent, acks from every in-sync replica, order kept. */
    public static Map<String, Object> producerConfig(Map<String, ?> kafkaConfig) {
        Map<String, Object> config = connection(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(REQUEST_TIMEOUT));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(MAX_BLOCK));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(DELIVERY_TIMEOUT));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, metricReporters());
        return config;
    }

    /**
     * Offsets are committed by the loop after the effect, never automatically; a new group starts from the
     * beginning so that a fresh projection replays the whole topic.
     */
    public static Map<String, Object> consumerConfig(Map<String, ?> kafkaConfig, String groupId) {
        Map<String, Object> config = connection(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(CONSUMER_TIMEOUT));
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(CONSUMER_TIMEOUT));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, metricReporters());
        return config;
    }

    /** An admin client's settings: the connection, and a consumer's bounded waits. */
    public static Map<String, Object> adminConfig(Map<String, ?> kafkaConfig) {
        Map<String, Object> config = connection(kafkaConfig);
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(CONSUMER_TIMEOUT));
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(CONSUMER_TIMEOUT));
        return config;
    }

    /**
     * JMX as by default, and Micrometer where the application has it (every service does; a plain tool using these
     * settings need not). Classes rather than names: Kafka would look names up in the thread's class loader.
     */
    private static List<Class<?>> metricReporters() {
        List<Class<?>> reporters = new ArrayList<>(List.of(JmxReporter.class));
        if (MICROMETER_PRESENT) {
            reporters.add(MicrometerClientMetrics.class);
        }
        return reporters;
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, KafkaClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
