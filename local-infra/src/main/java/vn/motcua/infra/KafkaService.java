package vn.motcua.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A Kafka cluster: an address to connect to, and a way to stop what this JVM started. */
public interface KafkaService extends AutoCloseable {

    String bootstrapServers();

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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
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
