package vn.motcua.intake.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.store.NewDossierStatement;
import vn.motcua.testkit.DedicatedInfrastructureResource;

import java.net.URI;
import java.sql.Connection;
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
 * Many kiosks posting dossiers to the packaged service, in a JVM of its own, against the baseline it is held to:
 * the POST's own SQL write (the same statement: dossier, first step, outbox event and Idempotency-Key, one
 * transaction a dossier) sent over JDBC at the same concurrency, on the same durable PostgreSQL (fsync and
 * synchronous_commit on, {@link DurablePostgresResource}), in the same run; the service's relay publishes those rows
 * meanwhile, as it does a POST's. Two more lines say what bounds the figures: the cheapest request of the same HTTP
 * stack (one unit from the cache, no token, no database), and one commit alone on one connection (a WAL flush to
 * this disk). The statements and commits PostgreSQL ran per POST come from pg_stat_statements.
 * Each kiosk posts for its own unit with its kiosk client's real Keycloak token (the service verifies every one), its
 * dossiers received in 2022 (the service's backdate window opened for them, as for the demo). Prints rates,
 * latencies and ratios, and one {@code BENCH |} line a figure for {@code bench/run}; asserts nothing about speed. Not
 * part of the normal build: {@code ./mvnw -B verify -Pbench -pl intake-service -am}, or {@code bench/run}.
 */
@QuarkusIntegrationTest
@Tag("benchmark")
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka"))
@WithTestResource(DurablePostgresResource.class)
@WithTestResource(SignedInKiosksResource.class)
class IntakeLoadBenchmarkIT {

    private static final int KIOSKS = Integer.getInteger("bench.kiosks", 32);
    /** Long enough for the JIT to settle on 2 cores: after 20 s it still took a fifth of the service's CPU. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 45));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final String[] UNITS = {"SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-AH", "SADEC-TKD"};

    @TestHTTPResource("/")
    URI server;

    @Test
    void dossiersPerSecondAgainstTheirOwnSqlWrite() throws Exception {
        StatementCounts counts = new StatementCounts();
        BenchResult api;
        BenchResult httpFloor;
        StatementCounts.PerPost perPost;
        try (KioskLoad load = new KioskLoad(server, KIOSKS)) {
            // fresh tokens before each phase: a realm token lives 300 s, a phase less
            Map<String, String> tokens = KioskTokens.of(UNITS);
            load.run("warm-up", WARM_UP, 201, kiosk -> postDossier(kiosk, tokens));
            Map<String, String> measureTokens = KioskTokens.of(UNITS);
            counts.reset();
            api = load.run("POST /api/dossiers", MEASURE, 201, kiosk -> postDossier(kiosk, measureTokens));
            perPost = counts.per(api.sortedNanos().length);
            // public: the cheapest request of the same HTTP stack, no token to verify
            httpFloor = load.run("GET /api/units/{code}", MEASURE, 200, kiosk -> new KioskLoad.Call(HttpMethod.GET,
                    "/api/units/" + UNITS[kiosk % UNITS.length], null, null));
        }
        String eventValue = "x".repeat(700);   // about the size of a dossier.received CloudEvent
        BenchResult sqlWrite = jdbcLoop("the POST's SQL write", KIOSKS, NewDossierStatement.SQL,
                (insert, kiosk) -> NewDossierStatement.bindNew(insert, UNITS[kiosk % UNITS.length], eventValue));
        try (Connection ddl = DurablePostgresResource.connect(); Statement sql = ddl.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, code text, payload text, "
                    + "created_at timestamptz DEFAULT now())");
        }
        // one connection alone: what one commit (a WAL flush to this disk) costs, with nobody to share it with
        BenchResult oneCommit = jdbcLoop("INSERT+COMMIT, 1 connection", 1,
                "INSERT INTO bench_plain (code, payload) VALUES (?, ?)", (insert, kiosk) -> {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "{\"procedureCode\":\"1.004873\"}");
                });

        System.out.printf("%n== intake load benchmark: %d concurrent kiosks, %d s each, after %d s warm-up, %d cores, "
                        + "PostgreSQL with %s ==%n", KIOSKS, MEASURE.toSeconds(), WARM_UP.toSeconds(),
                Runtime.getRuntime().availableProcessors(), counts.durability());
        System.out.println(sqlWrite);
        System.out.println(api);
        System.out.println(httpFloor);
        System.out.println(oneCommit);
        System.out.println(perPost);
        System.out.printf("ratio POST/its SQL write = %.2f (target >= 0.70); POST p99 = %.1f ms (target < 25 ms)%n",
                api.perSecond() / sqlWrite.perSecond(), api.percentileMillis(99));
        System.out.printf("ratio cached GET/POST's SQL write = %.2f: this HTTP stack without a token or the database%n",
                httpFloor.perSecond() / sqlWrite.perSecond());
        System.out.printf("one commit alone: p50 %.2f ms, so one connection commits at most %.0f times a second%n%n",
                oneCommit.percentileMillis(50), 1000 / oneCommit.percentileMillis(50));
        String concurrency = KIOSKS + " kiosks";
        BenchLine.rate("intake: POST /api/dossiers, " + concurrency, api, sqlWrite, 0.70);
        BenchLine.p99("intake: POST /api/dossiers p99, " + concurrency, api, sqlWrite, 1.50);
        BenchLine.rate("intake: GET /api/units/{code} (HTTP floor), " + concurrency, httpFloor, sqlWrite, null);
        BenchLine.p50("intake: one commit alone (WAL flush)", oneCommit, sqlWrite);
    }

    /** A dossier of the kiosk's own unit, as that unit's kiosk; the service gives it a code. */
    private static KioskLoad.Call postDossier(int kiosk, Map<String, String> tokens) {
        String unit = UNITS[kiosk % UNITS.length];
        return new KioskLoad.Call(HttpMethod.POST, "/api/dossiers", """
                {"procedureCode":"1.004873","unitCode":"%s","channel":"DIRECT","receivedAt":"2022-03-01T08:00:00+07:00",
                 "applicant":{"name":"Trần Văn Bình","idNumber":"087090001234","phone":"0912345678"}}"""
                .formatted(unit), tokens.get(unit));
    }

    /** One connection and one thread a kiosk, each repeating a statement with autocommit: a transaction each. */
    private static BenchResult jdbcLoop(String name, int connections, String sql, StatementBinder binder)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long end = start + MEASURE.toNanos();
        List<Future<long[]>> kiosks = new ArrayList<>();
        for (int kiosk = 0; kiosk < connections; kiosk++) {
            int id = kiosk;
            kiosks.add(pool.submit(() -> {
                try (Connection connection = DurablePostgresResource.connect();
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
