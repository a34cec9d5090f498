package vn.motcua.e2e;

import vn.motcua.infra.DemoKafkaLogins;
import vn.motcua.infra.KafkaLogin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) started as a separate process, as
 * devstack and a deployment start it: production profile, addresses from the environment, on a free port.
 * The fault suite kills one with SIGKILL and starts it again on the same port, its log continued.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    /** The management interface's port: /q/health, /q/metrics, /q/openapi and the admin endpoints. */
    public final int managementPort;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int managementPort, List<String> command,
                           Map<String, String> environment, Path log, boolean continueLog) throws IOException {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.command = command;
        this.environment = environment;
        this.log = log;
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(continueLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        this.process = builder.start();
    }

    static ServiceProcess start(String module, Map<String, String> environment, Map<String, String> properties)
            throws IOException {
        return start(module, environment, properties, module);
    }

    /** Starts the module's packaged jar as a process named {@code name} (its log file's name). */
    public static ServiceProcess start(String module, Map<String, String> environment, Map<String, String> properties,
                                       String name) throws IOException {
        return start(module, environment, properties, name, List.of());
    }

    /** The same, with JVM options of the caller's (after {@code -Xmx256m} and the run's, {@link #RUN_OPTIONS}). */
    public static ServiceProcess start(String module, Map<String, String> environment, Map<String, String> properties,
                                       String name, List<String> jvmOptions) throws IOException {
        return start(module, environment, properties, name, jvmOptions, freePort());
    }

    /**
     * The same on a port chosen beforehand ({@link #freePort()}), for an address another service must know before
     * this one starts (the dashboard's origin, which deadline-service lets back in after its login).
     */
    static ServiceProcess start(String module, Map<String, String> environment, Map<String, String> properties,
                                String name, List<String> jvmOptions, int port) throws IOException {
        Path root = Path.of(System.getProperty("motcua.e2e.root", "..")).toAbsolutePath();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B verify from the repository root, "
                    + "which packages the services before e2e");
        }
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m"));
        command.addAll(runOptions());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        return new ServiceProcess(name, port, managementPort, List.copyOf(command), demoLogins(module, environment),
                Path.of("target/e2e-logs", name + ".log"), false);
    }

    /**
     * The module's Kafka login of the demo, and leave to start with the demo's secrets (the tests' servers have no
     * others); a caller's own values win.
     */
    private static Map<String, String> demoLogins(String module, Map<String, String> environment) {
        KafkaLogin login = switch (module) {
            case "intake-service" -> DemoKafkaLogins.INTAKE;
            case "deadline-service" -> DemoKafkaLogins.DEADLINE;
            case "stats-service" -> DemoKafkaLogins.STATS;
            default -> throw new IllegalArgumentException("no Kafka login for " + module);
        };
        Map<String, String> withLogins = new HashMap<>(environment);
        withLogins.putIfAbsent("MOTCUA_KAFKA_PASSWORD", login.password());
        withLogins.putIfAbsent("MOTCUA_SECURITY_ALLOW_DEMO_SECRETS", "true");
        return Map.copyOf(withLogins);
    }

    /**
     * JVM options of the whole run for every service (system property {@value #RUN_OPTIONS}, split at spaces), after
     * {@code -Xmx256m}: the test JVMs' compiler and collector flags (root POM), or in the benchmark its memory flags
     * (e2e/pom.xml, profile bench).
     */
    static final String RUN_OPTIONS = "motcua.e2e.service-jvm-options";

    private static List<String> runOptions() {
        String options = System.getProperty(RUN_OPTIONS, "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A URL on the management interface, e.g. {@code /q/health/ready}. */
    public String managementUrl(String path) {
        return "http://localhost:" + managementPort + path;
    }

    /** kill -9: no shutdown hook, no graceful close; on Linux {@link Process#destroyForcibly()} sends SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die within 30 s of SIGKILL");
        }
    }

    /** The same command on the same port, its output appended to the same log after a marker line. */
    public ServiceProcess startAgain(String why) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        Files.writeString(log, System.lineSeparator() + "===== e2e: " + name + " started again (" + why + ") ====="
                + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new ServiceProcess(name, port, managementPort, command, environment, log, true);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void awaitReady() {
        awaitReady(Duration.ofSeconds(180));
    }

    public void awaitReady(Duration atMost) {
        await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return status(managementUrl("/q/health/ready")) == 200;
                });
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGTERM and Quarkus' graceful shutdown; killed after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
