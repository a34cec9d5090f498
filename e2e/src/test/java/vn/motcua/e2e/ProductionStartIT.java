package vn.motcua.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged service started as production ({@code java -jar}) with a secret known from the demo, the default
 * database password, or no Kafka login, stops before it connects to anything and names what is wrong
 * (service-kit's ProductionStart). No server is needed: nothing is reached.
 */
class ProductionStartIT {

    private static final String REFUSED = "REFUSED TO START: ";

    @Test
    void intakeWithTheDefaultDatabasePasswordAndNoKafkaLoginExits() throws Exception {
        Started intake = start("intake-service", Map.of("MOTCUA_DB_USER", "postgres", "MOTCUA_DB_PASSWORD", "postgres"));
        assertThat(intake.status).isEqualTo(78);
        assertThat(intake.refusals()).anyMatch(line -> line.contains("MOTCUA_DB_PASSWORD"))
                .anyMatch(line -> line.contains("MOTCUA_DB_USER") && line.contains("superuser"))
                .anyMatch(line -> line.contains("MOTCUA_KAFKA_PASSWORD") && line.contains("not set"));
    }

    @Test
    void deadlineWithTheDemoRealmsClientSecretAndItsDemoKafkaPasswordExits() throws Exception {
        Started deadline = start("deadline-service", Map.of(
                "MOTCUA_DB_PASSWORD", "a-real-one-8f3b2c",
                "MOTCUA_KAFKA_PASSWORD", "deadline-demo-secret",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "motcua-dashboard-demo-secret-of-32-chars-or-more"));
        assertThat(deadline.status).isEqualTo(78);
        assertThat(deadline.refusals()).hasSize(2)
                .anyMatch(line -> line.contains("QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .anyMatch(line -> line.contains("MOTCUA_KAFKA_PASSWORD") && line.contains("demo password of deadline"));
    }

    @Test
    void statsWithoutSaslExits() throws Exception {
        Started stats = start("stats-service", Map.of(
                "MOTCUA_KAFKA_PASSWORD", "a-real-one-41d9e0", "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"));
        assertThat(stats.status).isEqualTo(78);
        assertThat(stats.refusals()).singleElement().asString().contains("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
    }

    private record Started(int status, String output) {
        List<String> refusals() {
            return output.lines().filter(line -> line.startsWith(REFUSED)).toList();
        }
    }

    private static Started start(String module, Map<String, String> environment) throws IOException,
            InterruptedException {
        Path root = Path.of(System.getProperty("motcua.e2e.root", "..")).toAbsolutePath();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        // Only what this test gives: none of the build's MOTCUA_* addresses or leave for demo secrets.
        builder.environment().keySet().removeIf(name -> name.startsWith("MOTCUA_") || name.startsWith("QUARKUS_")
                || name.startsWith("KAFKA_"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:1/realms/motcua");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(module + " did not stop: " + output);
        }
        return new Started(process.exitValue(), output);
    }
}
