package vn.motcua.e2e;

import vn.motcua.testkit.Infrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.e2e.bench.BenchLine;
import vn.motcua.e2e.bench.CountSampler;
import vn.motcua.e2e.bench.Freshness;
import vn.motcua.e2e.bench.PacedPosts;
import vn.motcua.e2e.bench.ServiceWatch;
import vn.motcua.infra.PostgresService;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' freshness, memory and start-up figures, on the packaged suite as separate processes (only with
 * {@code -Pbench}; see the root {@code bench} script):
 * <ul>
 *   <li>each service's start to ready: its process spawned to the first 200 of {@code /q/health/ready}, the three
 *       started together as the suite (and devstack) starts them;</li>
 *   <li>freshness at {@code bench.freshness.rate} POSTs a second (100): kiosks POST on an open-loop schedule for
 *       {@code bench.freshness.seconds} (30) after a warm-up of {@code bench.freshness.warmup} (20) s and a 6 s probe
 *       at that rate, or, when the probe fell short of it, at 90% of the rate the probe achieved; a dossier's freshness is from its 201 to the first
 *       reading that counts it, in the public report of stats-service and in deadline-service's table of deadlines
 *       (read-only: deadline-service has no API that lists what it tracks);</li>
 *   <li>each service's largest resident memory (VmRSS) from the warm-up to the end of the load.</li>
 * </ul>
 * The rate achieved is printed with each figure; a machine that cannot take the rate asked for shows a lower one.
 */
@Tag("benchmark")
class FreshnessBenchmarkIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final double RATE = Double.parseDouble(System.getProperty("bench.freshness.rate", "100"));
    /** The share of the rate asked that the kiosks must get through for it to count as sustained. */
    private static final double SUSTAINED = 0.95;
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("bench.freshness.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.freshness.warmup", 20));
    private static final Duration PROBE = Duration.ofSeconds(6);
    private static final int KIOSKS = Integer.getInteger("bench.freshness.kiosks", 64);
    /** How long the counts may take to catch up after the warm-up, and after the load, before the figures are cut. */
    private static final Duration CATCH_UP = Duration.ofSeconds(Long.getLong("bench.freshness.catchup", 45));
    private static final long SAMPLE_MILLIS = 25;

    @Test
    void freshness_memory_and_start_up_under_a_kiosk_load() throws Exception {
        Suite suite;
        Map<String, ServiceWatch.Watched> services;
        try (ServiceWatch watch = new ServiceWatch()) {
            suite = Suite.shared();
            services = awaitReadyInWatch(watch);
            for (ServiceWatch.Watched service : services.values()) {
                BenchLine.print(service.name + ": start to ready (the three started together)",
                        BenchLine.seconds(service.startToReadyNanos().orElseThrow()));
            }

            String run = suite.dossierEvents.substring("dossier-events-e2e-".length());
            String report = suite.stats.url("/api/stats/reports/" + Year.now(VIETNAM) + "?unit=ALL");
            PacedPosts kiosks = new PacedPosts(suite.intake.url("/api/dossiers"), suite.tokens::kiosk, KIOSKS);
            PacedPosts.UNITS.forEach(suite.tokens::kiosk); // one login per unit, before the clock starts
            try (Connection deadlineDb = Infrastructure.postgres().connect("deadline_e2e_" + run);
                 Statement sql = deadlineDb.createStatement();
                 CountSampler counted = new CountSampler("report", () -> receivedInReport(report), SAMPLE_MILLIS);
                 CountSampler tracked = new CountSampler("deadlines", () -> trackedDeadlines(sql), SAMPLE_MILLIS)) {

                long warmUpStart = System.nanoTime();
                // First the JIT's turn (a cold service answers a few POSTs a second), then the rate the warm services
                // get through: what the load asks for when the machine cannot take the rate asked for.
                System.out.println("freshness warm-up: " + kiosks.run(RATE, WARM_UP).describe());
                PacedPosts.Result warmUp = kiosks.run(RATE, PROBE);
                System.out.println("freshness probe: " + warmUp.describe());
                // The warm-up's dossiers must all be counted before the load starts, or the load's would be taken for
                // theirs: a count that did not catch up makes the figures below MISSED, never a guess.
                boolean countedCaughtUp = caughtUp(counted, kiosks.acknowledged());
                boolean trackedCaughtUp = caughtUp(tracked, kiosks.acknowledged());
                long countedBefore = counted.latest();
                long trackedBefore = tracked.latest();

                // At a rate the kiosks could not get through in the probe, intake's queue would grow all along and the
                // freshness measured would be that queue's: the load then runs at 90% of what the probe achieved.
                double rate = warmUp.achievedPerSecond() >= 0.95 * RATE ? RATE
                        : Math.max(10, Math.floor(0.9 * warmUp.achievedPerSecond() / 10) * 10);
                PacedPosts.Result load = kiosks.run(rate, LOAD);
                long loadEnd = System.nanoTime();
                System.out.println("freshness load: " + load.describe());
                services.values().forEach(service -> System.out.println(service.name + " at the end of the load: "
                        + watch.jvmMemory(service)));
                caughtUp(counted, countedBefore + load.ackNanos().length);
                caughtUp(tracked, trackedBefore + load.ackNanos().length);
                long observedAfterLoad = System.nanoTime() - loadEnd;
                System.out.println(counted.describe());
                System.out.println(tracked.describe());

                String at = "(at " + BenchLine.perSecond(load.achievedPerSecond()) + " POSTs/s achieved)";
                BenchLine.print("freshness: kiosk POSTs/s achieved with " + BenchLine.perSecond(RATE) + " asked (warm, "
                        + PROBE.toSeconds() + " s, " + KIOSKS + " kiosk threads)",
                        BenchLine.perSecond(warmUp.achievedPerSecond()) + " POSTs/s",
                        ">= " + BenchLine.perSecond(SUSTAINED * RATE), warmUp.achievedPerSecond() >= SUSTAINED * RATE);
                BenchLine.print("freshness: kiosk POSTs/s sustained with the whole suite (load, "
                        + BenchLine.perSecond(rate) + " asked, " + LOAD.toSeconds() + " s)",
                        BenchLine.perSecond(load.achievedPerSecond()) + " POSTs/s",
                        ">= " + BenchLine.perSecond(SUSTAINED * RATE), load.achievedPerSecond() >= SUSTAINED * RATE);
                figures("POST to counted in the report", at, countedCaughtUp,
                        Freshness.of(load.ackNanos(), countedBefore, counted.samples()), observedAfterLoad);
                figures("POST to tracked by deadline-service (rows of its table)", at, trackedCaughtUp,
                        Freshness.of(load.ackNanos(), trackedBefore, tracked.samples()), observedAfterLoad);
                for (ServiceWatch.Watched service : services.values()) {
                    long idle = service.maxRssKb(warmUpStart - TimeUnit.SECONDS.toNanos(2), warmUpStart);
                    long busy = service.maxRssKb(warmUpStart, loadEnd);
                    System.out.println(service.name + " (pid " + service.pid + "): VmRSS " + BenchLine.megabytes(idle)
                            + " before the load, " + BenchLine.megabytes(busy) + " at most under it");
                    BenchLine.print(service.name + ": resident memory under load (max) " + at,
                            BenchLine.megabytes(busy), "<= 300 MB", busy <= 300 * 1024);
                }
                assertThat(load.ackNanos()).as("dossiers acknowledged under load").isNotEmpty();
                assertThat(counted.latest()).as("dossiers counted in the report").isGreaterThan(countedBefore);
                assertThat(tracked.latest()).as("dossiers tracked by deadline-service").isGreaterThan(trackedBefore);
            }
        }
    }

    /** The three services as the watch saw them, once it too has seen each one ready. */
    private static Map<String, ServiceWatch.Watched> awaitReadyInWatch(ServiceWatch watch) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, ServiceWatch.Watched> services = watch.services();
        while ((services.size() < 3 || services.values().stream().anyMatch(s -> s.startToReadyNanos().isEmpty()))
                && System.nanoTime() < giveUp) {
            Thread.sleep(20);
            services = watch.services();
        }
        assertThat(services).as("service processes seen ready").containsOnlyKeys("intake-service", "deadline-service",
                "stats-service");
        return services;
    }

    /** Waits until the count reaches {@code expected} (or the catch-up time is over) and answers the count then. */
    /** Waits for the count to reach {@code expected}; false, and says how far it got, when it did not in time. */
    private static boolean caughtUp(CountSampler count, long expected) throws InterruptedException {
        long giveUp = System.nanoTime() + CATCH_UP.toNanos();
        while (count.latest() < expected && System.nanoTime() < giveUp) {
            Thread.sleep(SAMPLE_MILLIS);
        }
        if (count.latest() < expected) {
            System.out.println("freshness: " + count.describe() + " reached " + count.latest() + " of " + expected
                    + " within " + CATCH_UP.toSeconds() + " s: not caught up");
            return false;
        }
        return true;
    }

    /**
     * The p99 meets its target only when every dossier of the load was counted, the count had caught up with the
     * warm-up's before the load, and the 99th one was counted within a second.
     */
    private static void figures(String what, String at, boolean caughtUpBefore, Freshness freshness,
                                long observedAfterLoad) {
        System.out.println("freshness " + what + ": " + freshness + (caughtUpBefore ? ""
                : " (the warm-up's dossiers were not all counted before the load: these figures are not the load's)"));
        String counted = " (" + (freshness.measured() - freshness.uncounted()) + " of " + freshness.measured()
                + " counted)";
        BenchLine.print("freshness: " + what + ", p50 " + at,
                Freshness.format(freshness.p50Nanos(), observedAfterLoad));
        BenchLine.print("freshness: " + what + ", p99 " + at,
                Freshness.format(freshness.p99Nanos(), observedAfterLoad) + counted, "< 1 s, every dossier",
                caughtUpBefore && freshness.uncounted() == 0 && freshness.p99Nanos() < TimeUnit.SECONDS.toNanos(1));
        BenchLine.print("freshness: " + what + ", max " + at,
                Freshness.format(freshness.maxNanos(), observedAfterLoad));
    }

    private static long receivedInReport(String report) throws Exception {
        Http.Answer answer = Http.get(report);
        if (answer.status() != 200) {
            throw new IllegalStateException("report answered " + answer.status() + ": " + answer.body());
        }
        return answer.body().path("received").path("total").asLong();
    }

    private static long trackedDeadlines(Statement sql) throws Exception {
        try (ResultSet rows = sql.executeQuery("select count(*) from deadlines")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
