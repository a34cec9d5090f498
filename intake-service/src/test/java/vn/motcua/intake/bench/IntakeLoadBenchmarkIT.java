package vn.motcua.intake.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.DedicatedInfrastructure;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.InjectInfrastructure;
import vn.motcua.testkit.PostgresService;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many kiosks posting dossiers to the packaged service, running in a JVM of its own, next to plain single-row INSERT+COMMIT transactions on the same PostgreSQL
 * at the same concurrency, in the same run. A third line, the cheapest request of the same HTTP stack (one unit from
 * the cache, no database), shows how much of the baseline HTTP alone leaves on this machine. Prints rates, latencies
 * and ratios; asserts nothing about speed. Not part of the normal build:
 * {@code ./mvnw -B -q install -DskipTests -pl testkit,dossier-events,work-calendar && ./mvnw -B verify -Pbench -pl intake-service}
 * (Surefire runs no test then: its benchmark group is empty in this module).
 */
@QuarkusIntegrationTest
@Tag("benchmark")
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class IntakeLoadBenchmarkIT {

    private static final int KIOSKS = Integer.getInteger("bench.kiosks", 32);
    /** Long enough for the JIT to settle on 2 cores: after 20 s it still took a fifth of the service's CPU. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 45));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final String[] UNITS = {"SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-AH", "SADEC-TKD"};

    @TestHTTPResource("/")
    URI server;

    @InjectInfrastructure
    DedicatedInfrastructure infrastructure;

    @Test
    void dossiersPerSecondAgainstPlainInserts() throws Exception {
        BenchResult api;
        BenchResult httpFloor;
        try (KioskLoad load = new KioskLoad(server, KIOSKS)) {
            load.run("warm-up", WARM_UP, 201, IntakeLoadBenchmarkIT::postDossier);
            api = load.run("POST /api/dossiers", MEASURE, 201, IntakeLoadBenchmarkIT::postDossier);
            httpFloor = load.run("GET /api/units/{code}", MEASURE, 200,
                    kiosk -> new KioskLoad.Call(HttpMethod.GET, "/api/units/" + UNITS[kiosk % UNITS.length], null));
        }
        BenchResult baseline = plainInserts();

        System.out.printf("%n== intake load benchmark: %d concurrent kiosks, %d s each, after %d s warm-up, %d cores ==%n",
                KIOSKS, MEASURE.toSeconds(), WARM_UP.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.println(baseline);
        System.out.println(api);
        System.out.println(httpFloor);
        System.out.printf("ratio POST/baseline = %.2f (target >= 0.50); POST p99 = %.1f ms (target < 50 ms)%n",
                api.perSecond() / baseline.perSecond(), api.percentileMillis(99));
        System.out.printf("ratio cached GET/baseline = %.2f: the most any request through this HTTP stack reaches%n%n",
                httpFloor.perSecond() / baseline.perSecond());
    }

    private static KioskLoad.Call postDossier(int kiosk) {
        return new KioskLoad.Call(HttpMethod.POST, "/api/dossiers", """
                {"procedureCode":"1.004873","unitCode":"%s","channel":"DIRECT","receivedAt":"2022-03-01T08:00:00+07:00",
                 "applicant":{"name":"Trần Văn Bình","idNumber":"087090001234","phone":"0912345678"}}"""
                .formatted(UNITS[kiosk % UNITS.length]));
    }

    /** One connection and one thread a kiosk, each repeating a one-row INSERT with autocommit. */
    private BenchResult plainInserts() throws Exception {
        PostgresService postgres = infrastructure.postgres();
        String jdbcUrl = postgres.jdbcUrl("postgres");
        String username = postgres.username();
        String password = postgres.password();
        try (Connection ddl = DriverManager.getConnection(jdbcUrl, username, password); Statement sql = ddl.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, code text, payload text, "
                    + "created_at timestamptz DEFAULT now())");
        }
        ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
        long start = System.nanoTime();
        long end = start + MEASURE.toNanos();
        List<Future<long[]>> kiosks = new ArrayList<>();
        for (int kiosk = 0; kiosk < KIOSKS; kiosk++) {
            kiosks.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_plain (code, payload) VALUES (?, ?)")) {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "{\"procedureCode\":\"1.004873\"}");
                        insert.executeUpdate();
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(latencies, count);
                }
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> kiosk : kiosks) {
            all.add(kiosk.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new BenchResult("INSERT+COMMIT", all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), seconds);
    }
}
