package vn.motcua.infra;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real Apache Kafka KRaft node (broker and controller combined) in this JVM, from Kafka's own test kit at the
 * version the Quarkus BOM pins. Starts in about four seconds.
 */
public final class EmbeddedKafka implements KafkaService {

    static {
        // A broker in the test JVM must never end it. At exit, Kafka's own hook that deletes the test kit's folders
        // races ours that stops the broker, and a broker that finds its log folder gone halts the JVM with status 1:
        // the likeliest cause of one clean-clone run in which Surefire failed stats-service after all its tests
        // passed ("Error occurred in starting fork": the fork's exit status was not 0).
        Exit.setExitProcedure(EmbeddedKafka::refuseToEndTheJvm);
        Exit.setHaltProcedure(EmbeddedKafka::refuseToEndTheJvm);
    }

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start", e);
        }
    }

    private static void refuseToEndTheJvm(int status, String message) {
        System.err.printf("embedded Kafka asked to end the JVM with status %d (%s); ignored%n", status, message);
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Shuts the broker down; the controller keeps the metadata and the broker keeps its port and logs. */
    @Override
    public void suspend() {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    @Override
    public void restart() {
        cluster.brokers().values().forEach(broker -> broker.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not come back", e);
        }
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not stop cleanly", e);
        }
    }
}
