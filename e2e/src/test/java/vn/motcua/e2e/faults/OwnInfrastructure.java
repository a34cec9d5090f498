package vn.motcua.e2e.faults;

import vn.motcua.testkit.Backends;
import vn.motcua.testkit.Infrastructure;
import vn.motcua.infra.EmbeddedMongo;
import vn.motcua.infra.EmbeddedPostgresServer;
import vn.motcua.infra.SuiteTopics;
import vn.motcua.devstack.demo.Tokens;
import vn.motcua.infra.KafkaService;
import vn.motcua.infra.KeycloakService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kafka, PostgreSQL and MongoDB that belong to the fault suite alone, so that it may stop them: the testkit's own
 * broker (suspended and restarted on the same port and log), PostgreSQL and the MongoDB wire server with their
 * data in folders under {@code target/faults}, restarted by closing them and starting them again on the same
 * folder and port, as devstack does.
 */
final class OwnInfrastructure implements AutoCloseable {

    static final String DOSSIER_EVENTS = "dossier-events";
    static final String DEADLINE_ALERTS = "deadline-alerts";
    static final String CATALOGUE = "catalogue";
    static final List<String> DEAD_LETTER_TOPICS =
            List.of(DOSSIER_EVENTS + ".dlq", DEADLINE_ALERTS + ".dlq", CATALOGUE + ".dlq");

    final KafkaService kafka;
    /** The test JVM's shared Keycloak: no fault touches it. */
    final KeycloakService keycloak = Infrastructure.keycloak();
    private final Tokens tokens = Tokens.from(keycloak.issuer());
    private final Path postgresData;
    private final int postgresPort;
    private final Path mongoFile;
    private final int mongoPort;
    private volatile EmbeddedPostgresServer postgres;
    private volatile EmbeddedMongo mongo;

    private OwnInfrastructure(Path folder) throws IOException {
        deleteRecursively(folder);
        Files.createDirectories(folder);
        postgresData = folder.resolve("postgres");
        mongoFile = folder.resolve("stats.mv");
        postgresPort = freePort();
        mongoPort = freePort();
        kafka = Backends.ownKafka();
        kafka.createTopics(List.of(DOSSIER_EVENTS, DEADLINE_ALERTS, DOSSIER_EVENTS + ".dlq", DEADLINE_ALERTS + ".dlq",
                CATALOGUE + ".dlq"), 3);
        kafka.createCompactedTopic(CATALOGUE, 3);
        kafka.grantSuiteAcls(SuiteTopics.STANDARD);
        postgres = EmbeddedPostgresServer.startPersistent(postgresData, postgresPort);
        postgres.createDatabase("intake");
        postgres.createDatabase("deadline");
        mongo = EmbeddedMongo.startPersistent(mongoFile, mongoPort);
    }

    static OwnInfrastructure start(Path folder) throws IOException {
        return new OwnInfrastructure(folder);
    }

    /** What every service instance is given, as devstack gives it. */
    Map<String, String> environment() {
        return Map.of(
                "MOTCUA_KAFKA_BOOTSTRAP", kafka.bootstrapServers(),
                "MOTCUA_INTAKE_DB_URL", postgres.jdbcUrl("intake"),
                "MOTCUA_DEADLINE_DB_URL", postgres.jdbcUrl("deadline"),
                "MOTCUA_DB_USER", postgres.username(),
                "MOTCUA_DB_PASSWORD", postgres.password(),
                "MOTCUA_MONGODB_URL", mongo.connectionString(),
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(),
                "QUARKUS_OIDC_CLIENT_ID", "motcua-dashboard",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "motcua-dashboard-demo-secret-of-32-chars-or-more",
                "MOTCUA_TOKENS_ALLOWED_CLIENTS", "kiosk-*,motcua-staff,motcua-dashboard,motcua-cli");
    }

    /**
     * The load and the checks act as the realm's administrator: the load's dossiers go to every ward, and the
     * checks read every unit's lists. Who may do what is e2e's AccessMatrixIT, not this suite's subject.
     */
    String adminToken() {
        return tokens.user("admin");
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    /** A clean stop of the server (every connection dropped) and a start on the same folder and port. */
    void restartPostgres() {
        postgres.close();
        postgres = EmbeddedPostgresServer.startPersistent(postgresData, postgresPort);
    }

    /** The wire server closes every client and its H2 file, and opens the file again on the same port. */
    void restartMongo() {
        mongo.close();
        mongo = EmbeddedMongo.startPersistent(mongoFile, mongoPort);
    }

    @Override
    public void close() {
        for (AutoCloseable server : new AutoCloseable[]{mongo, postgres, kafka}) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("faults: " + server + " did not stop cleanly: " + e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
