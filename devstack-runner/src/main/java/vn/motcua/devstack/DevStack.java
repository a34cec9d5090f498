package vn.motcua.devstack;

import vn.motcua.infra.EmbeddedMongo;
import vn.motcua.infra.EmbeddedPostgresServer;
import vn.motcua.infra.EmbeddedKafka;
import vn.motcua.infra.SuiteTopics;
import vn.motcua.infra.LocalKeycloak;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The suite's infrastructure in one process, for {@code ./devstack}: a real Kafka KRaft broker (logins and ACLs
 * as local-infra's {@code SuiteAcls} sets them), real PostgreSQL,
 * the MongoDB wire server and Keycloak (a child process, from local-infra's distribution), each with its data under
 * one folder so that a restart finds every dossier and the realm again. Prints one {@code READY} line when all four
 * answer, and stops them in reverse order on SIGINT or SIGTERM.
 */
public final class DevStack {

    /** The line the {@code devstack} script waits for. */
    static final String READY = "DEVSTACK READY";

    static final List<String> TOPICS = List.of("dossier-events", "dossier-events.dlq",
            "deadline-alerts", "deadline-alerts.dlq", "catalogue.dlq");
    /** Compacted: the last state of every unit, procedure and calendar year (intake-service owns them). */
    static final String CATALOGUE = "catalogue";
    static final List<String> DATABASES = List.of("intake", "deadline");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        // Kafka, zonky and mongo-java-server log through slf4j-simple (warnings, see simplelogger.properties).
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        DevStackConfig config = DevStackConfig.fromEnvironment();
        DevStack stack = new DevStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            stack.start(config);
        } catch (Exception e) {
            System.err.println("DEVSTACK FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    private void start(DevStackConfig config) throws Exception {
        Files.createDirectories(config.dataDirectory());

        // The slowest (20 to 70 s, the first time a minute more to unpack and build): started first, awaited last.
        LocalKeycloak keycloak = LocalKeycloak.launchPersistent(config.dataDirectory().resolve("keycloak"),
                config.realm(), config.keycloakPort(), config.dataDirectory().resolve("logs").resolve("keycloak.log"));
        started.push(keycloak);

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startPersistent(
                config.dataDirectory().resolve("postgres"), config.postgresPort());
        started.push(postgres);
        createMissingDatabases(postgres);
        log("PostgreSQL on localhost:" + config.postgresPort() + ", databases " + DATABASES + ", each owned by the role of its name");

        EmbeddedMongo mongo = EmbeddedMongo.startPersistent(config.dataDirectory().resolve("mongo.mv"),
                config.mongoPort());
        started.push(mongo);
        log("MongoDB wire server on " + mongo.connectionString());

        EmbeddedKafka kafka = EmbeddedKafka.startPersistent(config.dataDirectory().resolve("kafka"),
                config.kafkaPort(), config.kafkaControllerPort());
        started.push(kafka);
        kafka.createTopics(TOPICS, 3);
        kafka.createCompactedTopic(CATALOGUE, 3);
        kafka.grantSuiteAcls(SuiteTopics.STANDARD);
        log("Kafka on " + kafka.bootstrapServers() + " (SASL/SCRAM logins, ACLs per service), topics " + TOPICS
                + ", compacted " + CATALOGUE);

        keycloak.awaitReady(LocalKeycloak.START_TIMEOUT);
        log("Keycloak on " + keycloak.issuer() + " (realm of " + config.realm().path()
                + ", imported on first start; log " + keycloak.log() + ")");

        System.out.println(READY + " kafka=" + kafka.bootstrapServers()
                + " postgres=localhost:" + config.postgresPort() + " mongo=" + mongo.connectionString()
                + " keycloak=" + keycloak.issuer()
                + " data=" + config.dataDirectory());
        System.out.flush();
    }

    /**
     * Each service's database, owned by a role of the service's own that may connect to nothing else; the
     * passwords are the demo's ({@code <role>-demo-secret}, which the {@code devstack} script gives each service).
     */
    private static void createMissingDatabases(EmbeddedPostgresServer postgres) {
        for (String name : DATABASES) {
            postgres.createServiceDatabase(name, name, name + "-demo-secret");
        }
    }

    private synchronized void stop() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("devstack: " + part.getClass().getSimpleName() + " did not stop cleanly: " + e);
            }
        }
        log("stopped");
    }

    private static void log(String message) {
        System.out.println("devstack: " + message);
    }
}
