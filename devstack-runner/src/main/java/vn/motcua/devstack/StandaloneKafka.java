package vn.motcua.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A real single-node Kafka KRaft server (broker and controller combined) on fixed ports, with its log directory in
 * the devstack folder. Kafka's test kit picks random ports, which supervisors' tools could not find; this is the
 * same server {@code kafka-server-start.sh} runs. The log directory is formatted once and reused on restart.
 */
final class StandaloneKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private StandaloneKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static StandaloneKafka start(Path logDirectory, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDirectory);
        Properties config = config(logDirectory, port, controllerPort);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(logDirectory);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return new StandaloneKafka(server, port);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    private static void format(Path logDirectory) throws Exception {
        new Formatter()
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .setPrintStream(System.out)
                .run();
    }

    private static Properties config(Path logDirectory, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("node.id", "1");
        p.put("process.roles", "broker,controller");
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Keep a developer's history: a week of events is far more than the demo needs, and it is all on one disk.
        p.put("log.retention.hours", "-1");
        return p;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
