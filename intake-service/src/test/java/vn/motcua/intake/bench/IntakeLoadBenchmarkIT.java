package vn.motcua.intake.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.store.NewDossierStatement;
import vn.motcua.testkit.DedicatedInfrastructure;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.InjectInfrastructure;
import vn.motcua.testkit.PostgresService;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many kiosks posting dossiers to the packaged service, in a JVM of its own, next to plain single-row INSERT+COMMIT
 * transactions on the same PostgreSQL at the same concurrency, in the same run. Two more lines split a POST's cost:
 * the cheapest request of the same HTTP stack (one unit from the cache, no database), and the POST's own SQL
 * statement sent over JDBC without the service (whose relay publishes those rows meanwhile, as it does a POST's).
 * Each kiosk posts for its own unit with its kiosk client's real Keycloak token (the service verifies every one), its
 * dossiers received in 2022 (the service's backdate window opened for them, as for the demo). Prints rates,
 * latencies and ratios, and one {@code BENCH |} line a figure for {@code ./bench}; asserts nothing about speed. Not
 * part of the normal build: {@code ./mvnw -B verify -Pbench -pl intake-service -am}, or {@code ./bench}.
 */
@QuarkusIntegrationTest
@Tag("benchmark")
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(SignedInKiosksResource.class)
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
            // fresh tokens before each phase: a realm token lives 300 s, a phase less
            Map<String, String> tokens = KioskTokens.of(UNITS);
            load.run("warm-up", WARM_UP, 201, kiosk -> postDossier(kiosk, tokens));
            Map<String, String> measureTokens = KioskTokens.of(UNITS);
            api = load.run("POST /api/dossiers", MEASURE, 201, kiosk -> postDossier(kiosk, measureTokens));
            // public: the cheapest request of the same HTTP stack, no token to verify
            httpFloor = load.run("GET /api/units/{code}", MEASURE, 200, kiosk -> new KioskLoad.Call(HttpMethod.GET,
                    "/api/units/" + UNITS[kiosk % UNITS.length], null, null));
        }
        PostgresService postgres = infrastructure.postgres();
        try (Connection ddl = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()); Statement sql = ddl.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, code text, payload text, "
                    + "created_at timestamptz DEFAULT now())");
        }
        BenchResult baseline = jdbcLoop("INSERT+COMMIT", "INSERT INTO bench_plain (code, payload) VALUES (?, ?)",
                (insert, kiosk) -> {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "{\"procedureCode\":\"1.004873\"}");
                });
        String eventValue = "x".repeat(700);   // about the size of a dossier.received CloudEvent
        BenchResult databaseShare = jdbcLoop("POST's SQL statement", NewDossierStatement.SQL,
                (insert, kiosk) -> NewDossierStatement.bindNew(insert, UNITS[kiosk % UNITS.length], eventValue));

        System.out.printf("%n== intake load benchmark: %d concurrent kiosks, %d s each, after %d s warm-up, %d cores ==%n",
                KIOSKS, MEASURE.toSeconds(), WARM_UP.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.println(baseline);
        System.out.println(api);
        System.out.println(httpFloor);
        System.out.println(databaseShare);
        System.out.printf("ratio POST/baseline = %.2f (target >= 0.50); POST p99 = %.1f ms (target < 50 ms)%n",
                api.perSecond() / baseline.perSecond(), api.percentileMillis(99));
        System.out.printf("ratio cached GET/baseline = %.2f: the most any request through this HTTP stack reaches%n",
                httpFloor.perSecond() / baseline.perSecond());
        System.out.printf("ratio POST's SQL/baseline = %.2f: the most PostgreSQL gives the POST's writes, before any HTTP%n%n",
                databaseShare.perSecond() / baseline.perSecond());
        String concurrency = KIOSKS + " kiosks";
        BenchLine.rate("intake: POST /api/dossiers, " + concurrency, api, baseline, ">= 0.50");
        BenchLine.p99("intake: POST /api/dossiers p99, " + concurrency, api, baseline, "< 50 ms");
        BenchLine.rate("intake: GET /api/units/{code} (HTTP floor), " + concurrency, httpFloor, baseline, "-");
        BenchLine.rate("intake: the POST's SQL alone (database floor), " + concurrency, databaseShare, baseline, "-");
    }

    /** A dossier of the kiosk's own unit, as that unit's kiosk; the service gives it a code. */
    private static KioskLoad.Call postDossier(int kiosk, Map<String, String> tokens) {
        String unit = UNITS[kiosk % UNITS.length];
        return new KioskLoad.Call(HttpMethod.POST, "/api/dossiers", """
                {"procedureCode":"1.004873","unitCode":"%s","channel":"DIRECT","receivedAt":"2022-03-01T08:00:00+07:00",
                 "applicant":{"name":"Trần Văn Bình","idNumber":"087090001234","phone":"0912345678"}}"""
                .formatted(unit), tokens.get(unit));
    }

    /** One connection and one thread a kiosk, each repeating a statement with autocommit. */
    private BenchResult jdbcLoop(String name, String sql, StatementBinder binder) throws Exception {
        PostgresService postgres = infrastructure.postgres();
        String jdbcUrl = postgres.jdbcUrl("postgres");
        ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
        long start = System.nanoTime();
        long end = start + MEASURE.toNanos();
        List<Future<long[]>> kiosks = new ArrayList<>();
        for (int kiosk = 0; kiosk < KIOSKS; kiosk++) {
            int id = kiosk;
            kiosks.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
                     PreparedStatement statement = connection.prepareStatement(sql)) {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        binder.bind(statement, id);
                        statement.executeUpdate();
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
        return new BenchResult(name, all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), seconds);
    }

    interface StatementBinder {
        void bind(PreparedStatement statement, int kiosk) throws SQLException;
    }
}
