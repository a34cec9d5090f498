package vn.motcua.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays a realistic year 2022 for Sa Đéc through intake's public API, so that the city's H1 report
 * ({@code GET /api/stats/reports/2022-H1?unit=SADEC}) shows exactly the source figures: 2264 received, 2114 early
 * or on time, 150 late or overdue, 1512 online. {@link DemoPlanner} documents the mix; the seed (default 2022)
 * only chooses which dossier is which. Every dossier has a fixed code and Idempotency-Key, so a rerun after a crash
 * adds nothing twice and finishes what was left. Then it lives through 2025: the units of the two-level local
 * government of 1/7/2025 ({@link SaDecReorganisation}), after which the 2022-H1 report must show the same figures.
 *
 * <p>Usage: {@code java -cp "devstack-runner/target/devstack.jar:devstack-runner/target/lib/*"
 * vn.motcua.devstack.demo.SaDecDemo [intakeUrl] [statsUrl] [seed] [issuer]}; the issuer is the demo realm's
 * (default {@code http://localhost:8180/realms/motcua}), whose kiosks and clerks the replay logs in as.
 * Exit 0: loaded and reorganised, and the report matches before and after; 1: the load or the reorganisation
 * failed; 2: loaded, but the report shows other figures or never answered.
 */
public final class SaDecDemo {

    private static final int THREADS = 4;
    public static final String NO_RESULT = "open or withdrawn";

    public static void main(String[] args) throws Exception {
        String intakeUrl = args.length > 0 ? args[0] : "http://localhost:8081";
        String statsUrl = args.length > 1 ? args[1] : "http://localhost:8083";
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2022L;
        String issuer = args.length > 3 ? args[3] : "http://localhost:8180/realms/motcua";

        replay(intakeUrl, issuer, seed);
        int before = checkReport(statsUrl);
        if (before != 0) {
            System.exit(before);
        }
        reorganise(intakeUrl, issuer);
        System.out.println("demo: the 2022-H1 report after the reorganisation of 1/7/2025:");
        System.exit(checkReport(statsUrl));
    }

    /**
     * Lives through 2025: enters the two-level local government of 1/7/2025 ({@link SaDecReorganisation}); the
     * 2022-H1 report must still show the source figures afterwards.
     */
    public static void reorganise(String intakeUrl, String issuer) throws IOException, InterruptedException {
        SaDecReorganisation.apply(intakeUrl, Tokens.from(issuer));
    }

    /** Posts the year through intake; answers how many results came out EARLY, ON_TIME, LATE, or none. */
    public static Map<String, Integer> replay(String intakeUrl, String issuer, long seed) throws Exception {
        List<DossierPlan> plans = new DemoPlanner(seed).plan();
        System.out.printf("demo: seed %d, %d dossiers (%d in H1) through %s%n", seed, plans.size(),
                plans.stream().filter(DossierPlan::firstHalf).count(), intakeUrl);
        long started = System.nanoTime();
        Map<String, Integer> results = new java.util.TreeMap<>();
        replay(intakeUrl, Tokens.from(issuer), plans).forEach((k, v) -> results.put(k, v.get()));
        System.out.printf("demo: posted in %d s; results by timeliness %s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), results);
        return results;
    }

    /** Waits for the H1 city report to show the source figures: 0 when it does, 2 when it shows others or never answers. */
    public static int checkReport(String statsUrl) throws InterruptedException {
        return new ReportCheck(statsUrl).awaitAndPrint();
    }

    private static Map<String, AtomicInteger> replay(String intakeUrl, Tokens tokens, List<DossierPlan> plans)
            throws Exception {
        JsonHttp http = new JsonHttp();
        Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = plans.stream().<Future<?>>map(plan -> pool.submit(() -> {
                String timeliness = new DossierReplay(intakeUrl, http, tokens, plan).run();
                results.computeIfAbsent(timeliness == null ? NO_RESULT : timeliness,
                        k -> new AtomicInteger()).incrementAndGet();
                long n = done.incrementAndGet();
                if (n % 250 == 0 || n == plans.size()) {
                    System.out.printf("demo: %d / %d dossiers%n", n, plans.size());
                }
                return null;
            })).toList();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** The figures the H1 city report must show. */
    public static final Map<String, Long> EXPECTED = Map.of(
            "received", (long) DemoPlanner.H1_RECEIVED,
            "onTimeOrEarly", (long) DemoPlanner.H1_IN_TIME,
            "lateOrOverdue", (long) (DemoPlanner.H1_LATE + DemoPlanner.H1_OVERDUE_THEN_RESOLVED
                    + DemoPlanner.H1_OVERDUE_STILL_OPEN),
            "online", (long) DemoPlanner.H1_ONLINE);

    public static Map<String, Long> figuresOf(JsonNode report) {
        return Map.of(
                "received", report.path("received").path("total").asLong(-1),
                "onTimeOrEarly", report.path("summary").path("onTimeOrEarly").asLong(-1),
                "lateOrOverdue", report.path("summary").path("lateOrOverdue").asLong(-1),
                "online", report.path("received").path("newOnline").asLong(-1));
    }
}
