package vn.motcua.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka principal's SASL/SCRAM-SHA-512 login, and the client properties that use it. Plain SASL without TLS is for
 * loopback only (devstack, tests); a deployment sets {@code security.protocol=SASL_SSL} (docs/operations.md).
 */
public record KafkaLogin(String user, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    public KafkaLogin {
        if (user.contains("\"") || password.contains("\"")) {
            throw new IllegalArgumentException("a Kafka login may not contain a double quote (JAAS syntax)");
        }
    }

    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Connection properties for a client of the broker at {@code bootstrapServers} logging in as this principal. */
    public Map<String, Object> clientProperties(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig());
        return properties;
    }

    /**
     * The same for a set-up client (topics, principals, ACLs) made in whatever class loader: no metric reporter,
     * which Kafka would look up by name in the thread's class loader (a Quarkus test resource's thread may hold
     * another one, and the cast then fails).
     */
    public Map<String, Object> setUpClientProperties(String bootstrapServers) {
        Map<String, Object> properties = clientProperties(bootstrapServers);
        properties.put("metric.reporters", java.util.List.of());
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaLogin[" + user + "]";
    }
}
