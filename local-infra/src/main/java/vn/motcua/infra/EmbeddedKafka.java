package vn.motcua.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider;
import org.apache.kafka.common.security.scram.internals.ScramSaslServerProvider;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka KRaft node (broker and controller combined) in this JVM, the server
 * {@code kafka-server-start.sh} runs, with the suite's security: clients log in with SASL/SCRAM-SHA-512 on the
 * {@code SASL} listener, the standard authorizer denies what {@link SuiteAcls} does not allow, and the controller's
 * listener takes only the node itself (SASL/PLAIN with a password made at each start). Both listeners are on
 * loopback. The super user {@link DemoKafkaLogins#ADMIN} is written into the storage when it is formatted; the
 * suite's other principals are created once the node runs.
 */
public final class EmbeddedKafka implements KafkaService {

    static {
        // A broker in the test JVM must never end it: a broker that finds its log folder gone at exit (deleted by a
        // shutdown hook that raced ours) halts the JVM with status 1, which Surefire reports as a failed fork.
        Exit.setExitProcedure(EmbeddedKafka::refuseToEndTheJvm);
        Exit.setHaltProcedure(EmbeddedKafka::refuseToEndTheJvm);
    }

    private static final String CONTROLLER_USER = "controller";
    private static final String SCRAM_SERVER = "SASL/SCRAM Server Provider";
    private static final String PLAIN_SERVER = "Simple SASL/PLAIN Server Provider";

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private final boolean temporary;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDirectory, int port, int controllerPort, boolean temporary) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.temporary = temporary;
    }

    /** A throwaway node on free ports, its log in a temporary folder deleted when it closes. */
    public static EmbeddedKafka start() {
        try {
            Path directory = Files.createTempDirectory("motcua-kafka-");
            return startAt(directory, freePort(), freePort(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A node that keeps its log in {@code logDirectory} on fixed ports (devstack: supervisors' tools must find it).
     * The folder is formatted once and reused on restart.
     */
    public static EmbeddedKafka startPersistent(Path logDirectory, int port, int controllerPort) {
        return startAt(logDirectory, port, controllerPort, false);
    }

    private static EmbeddedKafka startAt(Path logDirectory, int port, int controllerPort, boolean temporary) {
        EmbeddedKafka kafka = new EmbeddedKafka(logDirectory, port, controllerPort, temporary);
        try {
            Files.createDirectories(logDirectory);
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                kafka.format();
            } else if (!Files.exists(logDirectory.resolve(SASL_MARKER))) {
                throw new IllegalStateException("the Kafka log folder " + logDirectory + " was made before the"
                        + " suite required logins to Kafka and roles of the services' own in PostgreSQL; delete the"
                        + " whole data folder (.devstack/) to start anew");
            }
            kafka.run();
            try (Admin admin = Admin.create(DemoKafkaLogins.ADMIN.setUpClientProperties(kafka.bootstrapServers()))) {
                SuiteAcls.createPrincipals(admin, DemoKafkaLogins.PRINCIPALS, kafka.bootstrapServers());
            }
            return kafka;
        } catch (RuntimeException | IOException e) {
            kafka.close();
            throw new IllegalStateException("embedded Kafka did not start", e);
        }
    }

    private static final String SASL_MARKER = "motcua-sasl";

    private void format() throws IOException {
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setScramArguments(List.of(KafkaLogin.MECHANISM + "=[name=" + DemoKafkaLogins.ADMIN.user()
                            + ",password=" + DemoKafkaLogins.ADMIN.password() + "]"))
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log folder " + logDirectory, e);
        }
        Files.writeString(logDirectory.resolve(SASL_MARKER), "formatted with the super user's SCRAM login\n");
    }

    private void run() {
        registerThisLoadersSaslServers();
        server = new KafkaRaftServer(KafkaConfig.fromProps(config(), false), Time.SYSTEM);
        server.startup();
        awaitAnswering();
    }

    /**
     * Kafka registers its SASL server mechanisms as JVM-wide security providers, once per class loader, the first
     * registration winning. A node started from another class loader than the first one's (each Quarkus test
     * resource may have its own) would get that loader's classes, which do not recognise its callbacks, and refuse
     * every login as invalid: a provider of another loader is replaced by this one's.
     */
    private static void registerThisLoadersSaslServers() {
        if (isForeign(Security.getProvider(SCRAM_SERVER), ScramSaslServerProvider.class)) {
            Security.removeProvider(SCRAM_SERVER);
        }
        if (isForeign(Security.getProvider(PLAIN_SERVER), PlainSaslServerProvider.class)) {
            Security.removeProvider(PLAIN_SERVER);
        }
        ScramSaslServerProvider.initialize();
        PlainSaslServerProvider.initialize();
    }

    private static boolean isForeign(Provider registered, Class<? extends Provider> ours) {
        return registered != null && registered.getClass() != ours;
    }

    private Properties config() {
        String controllerPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Properties p = new Properties();
        p.put("node.id", "1");
        p.put("process.roles", "broker,controller");
        p.put("listeners", "SASL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "SASL://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "SASL");
        p.put("listener.security.protocol.map", "SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listener.name.sasl.sasl.enabled.mechanisms", KafkaLogin.MECHANISM + ",PLAIN");
        p.put("listener.name.sasl.plain.sasl.jaas.config", toolLogins());
        p.put("sasl.mechanism.inter.broker.protocol", KafkaLogin.MECHANISM);
        p.put("listener.name.sasl.scram-sha-512.sasl.jaas.config", DemoKafkaLogins.ADMIN.jaasConfig());
        // SCRAM logins live in the metadata that the controller serves, so the controller's own listener cannot use
        // them: PLAIN with one user, this node, whose password never leaves this process.
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER + "=\""
                        + controllerPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + DemoKafkaLogins.ADMIN.user() + ";User:" + CONTROLLER_USER);
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "3");
        // Only the super user may create topics (no principal of the suite has CREATE): tests' own topics.
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        // A developer's history is kept: it is all on one disk, and far less than a week of a city's dossiers.
        p.put("log.retention.hours", "-1");
        return p;
    }

    /**
     * The read-only principals of supervisors' and auditors' tools may also log in with SASL/PLAIN: librdkafka
     * before 2.6.1 (kcat from Debian 12 has 2.0.2) computes SCRAM's final message wrongly for Kafka 4 brokers, which
     * refuse it. The services and the super user have no PLAIN login. Over TLS only, outside loopback.
     */
    static String toolLogins() {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        for (KafkaLogin login : DemoKafkaLogins.TOOLS) {
            jaas.append(" user_").append(login.user()).append("=\"").append(login.password()).append('"');
        }
        return jaas.append(';').toString();
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Admin admin = Admin.create(DemoKafkaLogins.ADMIN.setUpClientProperties(bootstrapServers()))) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not answer in 60 s", e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void refuseToEndTheJvm(int status, String message) {
        System.err.printf("embedded Kafka asked to end the JVM with status %d (%s); ignored%n", status, message);
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the node; its data and ports are kept for {@link #restart()}. */
    @Override
    public synchronized void suspend() {
        stopServer();
    }

    @Override
    public synchronized void restart() {
        run();
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public synchronized void close() {
        stopServer();
        if (temporary) {
            deleteQuietly(logDirectory);
        }
    }

    private void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
