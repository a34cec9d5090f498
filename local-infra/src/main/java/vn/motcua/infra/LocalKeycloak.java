package vn.motcua.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its distribution zip, as a child process of this JVM, when there is neither an address nor Docker.
 * Dev mode (an H2 file database in its home), the realm imported on first start. Ready in 20 to 70 s; the very first
 * start on a machine also unpacks the zip and builds (about 30 s more). Its log is kept for diagnosis.
 */
public final class LocalKeycloak implements KeycloakService {

    /** Generous: two shared cores, and the first start's build. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** The exit code of a start that has just built the server and wants to be launched again. */
    private static final int REBUILT = 10;

    private final KeycloakDistribution distribution;
    private final Path home;
    private final int port;
    private final Path log;
    private final boolean throwAwayHome;
    private volatile Process process;

    private LocalKeycloak(KeycloakDistribution distribution, Path home, KeycloakRealm realm, int port, Path log,
                          boolean throwAwayHome) {
        this.distribution = distribution;
        this.home = distribution.prepareHome(home, realm);
        this.port = port;
        this.log = log;
        this.throwAwayHome = throwAwayHome;
        this.process = launch(false);
    }

    /**
     * A throwaway server of the demo realm on a free port, ready when this returns; its log is under target/ when
     * there is one.
     */
    public static LocalKeycloak start() {
        LocalKeycloak keycloak = launch();
        keycloak.awaitReady(START_TIMEOUT);
        return keycloak;
    }

    /**
     * A throwaway server of the demo realm on a free port, returning at once: its address is known before it
     * answers (call {@link #awaitReady(Duration)}), so that others may be told it meanwhile.
     */
    public static LocalKeycloak launch() {
        try {
            int port = freePort();
            Path home = Files.createTempDirectory("motcua-keycloak-");
            Path logs = Files.isDirectory(Path.of("target")) ? Path.of("target") : home.getParent();
            return new LocalKeycloak(KeycloakDistribution.unpacked(), home, KeycloakRealm.DEMO, port,
                    logs.resolve("keycloak-" + port + ".log").toAbsolutePath(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Keycloak home", e);
        }
    }

    /**
     * A server whose home (its data: the realm and its sessions) is kept across restarts (devstack), on a fixed
     * port; returns at once, so that other servers start meanwhile: call {@link #awaitReady(Duration)}. Keycloak
     * imports a realm only when it does not exist yet, so a home that holds the other realm is refused
     * ({@link ImportedRealm}) rather than silently serving it.
     */
    public static LocalKeycloak launchPersistent(Path home, KeycloakRealm realm, int port, Path log) {
        ImportedRealm.claim(home, realm);
        return new LocalKeycloak(KeycloakDistribution.unpacked(), home, realm, port, log, false);
    }

    private Process launch(boolean built) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(distribution.startDevCommand(home, port, built))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = builder.environment();
            // the server's options are the command line's alone, whatever KC_* this shell carries
            environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_"));
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak (log " + log + ")", e);
        }
    }

    /**
     * Waits until the realm's discovery document answers; fails with the log's last lines otherwise. A start that
     * builds first gets the timeout again for the launch after the build.
     */
    public void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive() && process.exitValue() == REBUILT) {
                // what kc.sh does: the first start of a home builds it, exits with 10, and is launched again
                process = launch(true);
                deadline = Instant.now().plus(timeout);
            } else if (!process.isAlive()) {
                int exit = process.exitValue();
                close();
                throw new IllegalStateException("Keycloak exited with " + exit + "; " + logTail());
            }
            try {
                if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    distribution.keepBuildOf(home);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while Keycloak started", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready in " + timeout.toSeconds() + " s; " + logTail());
    }

    @Override
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + KeycloakRealm.NAME;
    }

    public Path log() {
        return log;
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (throwAwayHome) {
                KeycloakDistribution.deleteRecursively(home);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a leftover folder in the temporary directory; the server itself is stopped
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
