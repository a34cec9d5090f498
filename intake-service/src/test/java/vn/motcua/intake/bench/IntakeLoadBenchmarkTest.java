package vn.motcua.intake.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.InfrastructureResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many kiosks posting dossiers at once, next to plain single-row INSERT+COMMIT transactions on the same PostgreSQL
 * in the same run. Prints rates, latencies and the ratio; asserts nothing about speed. Run with
 * {@code ./mvnw -B verify -Pbench -pl intake-service (after installing its dependencies)} (not part of the normal build).
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class IntakeLoadBenchmarkTest {

    private static final int KIOSKS = Integer.getInteger("bench.kiosks", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final String[] UNITS = {"SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-AH", "SADEC-TKD"};

    @TestHTTPResource("/api/dossiers")
    URI endpoint;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void dossiersPerSecondAgainstPlainInserts() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run("warm-up", WARM_UP, kiosk -> () -> postDossier(http, kiosk));
        Result api = run("POST /api/dossiers", MEASURE, kiosk -> () -> postDossier(http, kiosk));

        try (Connection ddl = DriverManager.getConnection(jdbcUrl, username, password); Statement sql = ddl.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, code text, payload text, "
                    + "created_at timestamptz DEFAULT now())");
        }
        Result baseline = runWithConnections("INSERT+COMMIT", MEASURE);

        System.out.printf("%n== intake load benchmark: %d concurrent kiosks, %d s each ==%n", KIOSKS, MEASURE.toSeconds());
        System.out.println(baseline);
        System.out.println(api);
        System.out.printf("ratio POST/baseline = %.2f (target >= 0.50); POST p99 = %.1f ms (target < 50 ms)%n%n",
                api.perSecond() / baseline.perSecond(), api.percentileMillis(99));
    }

    private String postDossier(HttpClient http, int kiosk) throws Exception {
        String body = """
                {"procedureCode":"1.004873","unitCode":"%s","channel":"DIRECT","receivedAt":"2022-03-01T08:00:00+07:00",
                 "applicant":{"name":"Trần Văn Bình","idNumber":"087090001234","phone":"0912345678"}}"""
                .formatted(UNITS[kiosk % UNITS.length]);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private Result runWithConnections(String name, Duration duration) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < KIOSKS; i++) {
            connections.add(DriverManager.getConnection(jdbcUrl, username, password));
        }
        try {
            return run(name, duration, kiosk -> {
                PreparedStatement insert = connections.get(kiosk).prepareStatement(
                        "INSERT INTO bench_plain (code, payload) VALUES (?, ?)");
                return () -> {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "{\"procedureCode\":\"1.004873\"}");
                    return insert.executeUpdate();
                };
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    interface Operation {
        Object call() throws Exception;
    }

    interface OperationFactory {
        Operation forKiosk(int kiosk) throws Exception;
    }

    /** Each kiosk repeats its operation until the time is up; every latency is kept. */
    private static Result run(String name, Duration duration, OperationFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int kiosk = 0; kiosk < KIOSKS; kiosk++) {
            Operation operation = factory.forKiosk(kiosk);
            Callable<long[]> loop = () -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    operation.call();
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, count);
            };
            futures.add(pool.submit(loop));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), seconds);
    }

    record Result(String name, long[] sortedNanos, double seconds) {
        double perSecond() {
            return sortedNanos.length / seconds;
        }

        double percentileMillis(int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        @Override
        public String toString() {
            return "%-20s %8d ops %9.1f /s   p50 %6.2f ms   p99 %6.2f ms".formatted(name, sortedNanos.length,
                    perSecond(), percentileMillis(50), percentileMillis(99));
        }
    }
}
