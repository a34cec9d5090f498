package vn.motcua.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A Kafka cluster: an address to connect to, and a way to stop what this JVM started. */
public interface KafkaService extends AutoCloseable {

    String bootstrapServers();

    /** The super user's login; the suite's principals are {@link DemoKafkaLogins} (created by whoever started it). */
    default KafkaLogin adminLogin() {
        return DemoKafkaLogins.ADMIN;
    }

    /** Client properties (address and login) for a client of this broker logging in as {@code login}. */
    default Map<String, Object> connection(KafkaLogin login) {
        return login.clientProperties(bootstrapServers());
    }

    /** Client properties of the super user: what tests and set-up code use to make and inspect topics. */
    default Map<String, Object> adminConnection() {
        return connection(adminLogin());
    }

    /** Grants the suite's principals their rights on these topics ({@link SuiteAcls}). */
    default void grantSuiteAcls(SuiteTopics topics) {
        try (Admin admin = Admin.create(adminLogin().setUpClientProperties(bootstrapServers()))) {
            SuiteAcls.grant(admin, topics);
        }
    }

    Backend backend();

    /**
     * Takes the broker off the network for an outage test, keeping its data and address; {@link #restart()}
     * brings it back. Only for servers this JVM started.
     */
    default void suspend() {
        throw new UnsupportedOperationException(backend() + " Kafka cannot be suspended from here");
    }

    default void restart() {
        throw new UnsupportedOperationException(backend() + " Kafka cannot be restarted from here");
    }

    /** Stops the broker; a no-op for an address from the environment, which this JVM does not own. */
    @Override
    void close();

    /** Creates the topics with this many partitions; topics that already exist are left as they are. */
    default void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, Map.of());
    }

    /** A compacted topic keeps the last record of every key forever: the catalogue's whole state. */
    default void createCompactedTopic(String name, int partitions) {
        createTopics(java.util.List.of(name), partitions, Map.of("cleanup.policy", "compact"));
    }

    private void createTopics(Collection<String> names, int partitions, Map<String, String> topicConfig) {
        try (Admin admin = Admin.create(adminLogin().setUpClientProperties(bootstrapServers()))) {
            for (String name : names) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(name, partitions, (short) 1).configs(topicConfig)))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not create topics in 30 s", e);
        }
    }

    /**
     * A broker at an address from the environment, set up as {@link EmbeddedKafka} sets itself up: the demo logins
     * (the build's shared servers, local-infra's SharedServers, are such a broker).
     */
    record ExternalKafka(String bootstrapServers) implements KafkaService {
        @Override
        public Backend backend() {
            return Backend.ENVIRONMENT;
        }

        @Override
        public void close() {
        }
    }
}
