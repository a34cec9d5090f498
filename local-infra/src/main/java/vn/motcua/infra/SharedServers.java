package vn.motcua.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * One Kafka broker, PostgreSQL server, MongoDB wire server and Keycloak for a whole build, so that every test JVM
 * uses the same ones instead of starting its own (each test still gets fresh topics and databases). Started by the
 * root script {@code ./test}, which hands the addresses to Maven as the {@code MOTCUA_*} variables the testkit reads
 * (testkit/README.md). The servers are the ones a test JVM would start itself: throwaway, on free ports.
 *
 * <p>Usage: {@code SharedServers <env-file>}. Writes the variables to the file once Kafka, PostgreSQL and MongoDB are
 * ready (Keycloak's address too, while it still starts: a test JVM waits for it when it first needs it), then runs
 * until it is stopped (TERM) or its standard input closes, so that it never outlives the script that started it; a
 * Keycloak that does not start ends it, and with it every server.
 */
public final class SharedServers {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SharedServers <env-file>");
            System.exit(64);
        }
        SharedServers servers = new SharedServers();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.stop();
            stopped.countDown();
        }, "shared-servers-stop"));
        Thread watchdog = new Thread(SharedServers::exitWhenInputCloses, "shared-servers-stdin");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            servers.start(Path.of(args[0]));
        } catch (Exception e) {
            System.err.println("SHARED SERVERS FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    private void start(Path envFile) throws IOException {
        // Keycloak is the slowest (20 to 70 s): it starts while the others do, and its address is handed out before
        // it answers, so that the build starts meanwhile; the tests that need it wait for it (the testkit).
        LocalKeycloak identity = remember(LocalKeycloak.launch());
        KafkaService kafka = remember(EmbeddedKafka.start());
        PostgresService postgres = remember(EmbeddedPostgresServer.start());
        MongoService mongo = remember(EmbeddedMongo.start());

        String variables = String.join("\n",
                "MOTCUA_KAFKA_BOOTSTRAP=" + kafka.bootstrapServers(),
                "MOTCUA_POSTGRES_URL=" + postgres.jdbcUrl("postgres"),
                "MOTCUA_POSTGRES_USER=" + postgres.username(),
                "MOTCUA_POSTGRES_PASSWORD=" + postgres.password(),
                "MOTCUA_MONGODB_URL=" + mongo.connectionString(),
                "MOTCUA_KEYCLOAK_URL=" + identity.issuer().replaceFirst("/realms/[^/]+$", ""),
                "");
        Path written = Files.writeString(envFile.resolveSibling(envFile.getFileName() + ".partial"), variables);
        Files.move(written, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("SHARED SERVERS READY (Keycloak still starting)\n" + variables);
        System.out.flush();
        identity.awaitReady(LocalKeycloak.START_TIMEOUT);
        System.out.println("KEYCLOAK READY");
        System.out.flush();
    }

    private <T extends AutoCloseable> T remember(T server) {
        synchronized (started) {
            started.push(server);
        }
        return server;
    }

    private void stop() {
        synchronized (started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    System.err.println("shared servers: one did not stop cleanly: " + e);
                }
            }
        }
    }

    private static void exitWhenInputCloses() {
        try {
            while (System.in.read() >= 0) {
                // nothing is sent; end of input means the starting script is gone
            }
        } catch (IOException ignored) {
            // the same: no one is left to serve
        }
        System.exit(0);
    }
}
