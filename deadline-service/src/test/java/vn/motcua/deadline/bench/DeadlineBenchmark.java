package vn.motcua.deadline.bench;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.postgresql.PGConnection;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.deadline.app.DeadlineEngine;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.Settings;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.deadline.support.Topic;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.testkit.TestBed;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert detection cost against the number of open deadlines, on the testkit's real PostgreSQL and Kafka. Two
 * databases in one run, 10,000 and 1,000,000 open deadlines, each with the same 100 rows coming due: the alert
 * tick's claim query is timed on both, alternating after a common warm-up, and the time from dueAt to the alert
 * on the topic is measured with an engine on each. Prints ratios against the small database, and one
 * {@code BENCH |} line a figure for {@code bench/run}; asserts nothing. Run: {@code ./mvnw -B -pl deadline-service
 * -Pbench process-test-classes}, or {@code bench/run}. Options: -Dbench.small, -Dbench.large, -Dbench.tick-ms.
 */
public final class DeadlineBenchmark {

    static final int SMALL = Integer.getInteger("bench.small", 10_000);
    static final int LARGE = Integer.getInteger("bench.large", 1_000_000);
    static final long TICK_MS = Long.getLong("bench.tick-ms", 1000);
    static final int COMING_DUE = 100;
    static final String COMING_DUE_PREFIX = "BENCH-DUE-";
    static final int ROUNDS = 6;
    static final int SCANS_PER_ROUND = 100;
    static final int LATENCY_DOSSIERS = 300;

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status); // the embedded servers stop in shutdown hooks
    }

    static void run() throws Exception {
        report("setup: %d rows coming due in every scan, %d rounds of %d scans per size, alert tick every %d ms",
                COMING_DUE, ROUNDS, SCANS_PER_ROUND, TICK_MS);
        Size small = new Size(SMALL);
        Size large = new Size(LARGE);

        small.scan(300); // warm-up, so the JIT favours neither side
        large.scan(300);
        double smallWall = 0;
        double largeWall = 0;
        for (int round = 0; round < ROUNDS; round++) {
            smallWall += small.scan(SCANS_PER_ROUND);
            largeWall += large.scan(SCANS_PER_ROUND);
        }
        smallWall /= ROUNDS;
        largeWall /= ROUNDS;
        Explain smallPlan = small.explain();
        Explain largePlan = large.explain();
        report("scan per tick, %,d open deadlines: %.3f ms wall (JDBC round trip), %.3f ms in PostgreSQL, %d buffers",
                SMALL, smallWall, smallPlan.executionMs, smallPlan.buffers);
        report("scan per tick, %,d open deadlines: %.3f ms wall (JDBC round trip), %.3f ms in PostgreSQL, %d buffers",
                LARGE, largeWall, largePlan.executionMs, largePlan.buffers);
        report("ratio %,d / %,d open deadlines (x%d): wall %.2f, PostgreSQL %.2f, buffers %.2f", LARGE, SMALL,
                LARGE / SMALL, largeWall / smallWall, largePlan.executionMs / smallPlan.executionMs,
                (double) largePlan.buffers / smallPlan.buffers);
        report("plan at %,d: %s", LARGE, largePlan.plan);

        Latency smallLatency = small.latency();
        Latency largeLatency = large.latency();
        report("dueAt -> alert on topic, %,d open: %s", SMALL, smallLatency);
        report("dueAt -> alert on topic, %,d open: %s", LARGE, largeLatency);

        String baseline = "at %,d open".formatted(SMALL);
        String largeOpen = "%,d open".formatted(LARGE);
        double wallRatio = largeWall / smallWall;
        line("deadline: alert tick's claim query, wall, " + largeOpen, "%.3f ms".formatted(largeWall),
                "%.3f ms %s".formatted(smallWall, baseline), wallRatio, "<= %.1f (flat)".formatted(FLAT),
                wallRatio <= FLAT);
        line("deadline: alert tick's claim query in PostgreSQL, " + largeOpen, "%.3f ms".formatted(largePlan.executionMs),
                "%.3f ms %s".formatted(smallPlan.executionMs, baseline), largePlan.executionMs / smallPlan.executionMs,
                "-", null);
        line("deadline: dueAt -> alert on topic p99 (engine, tick %d ms), %s".formatted(TICK_MS, largeOpen),
                largeLatency.p99Text() + " (" + largeLatency.arrived() + ")",
                smallLatency.p99Text() + " " + baseline + " (" + smallLatency.arrived() + ")",
                (double) largeLatency.p99 / smallLatency.p99, "< %d ms, every alert".formatted(LATENCY_TARGET_MS),
                largeLatency.p99 < LATENCY_TARGET_MS);
    }

    /** The claim query's cost at the large database over the small one's that still counts as not growing. */
    private static final double FLAT = 2.0;
    private static final long LATENCY_TARGET_MS = 1500;

    /**
     * The one machine-readable line a figure gets, which {@code bench/run} collects into its table; the ratio is
     * the large database's over the small one's, so 1 means the cost does not grow with the open deadlines. The
     * verdict ({@code met}, {@code MISSED}, {@code -} without a target) is what {@code bench/run --check} reads.
     */
    private static void line(String figure, String value, String baseline, double ratio, String target, Boolean met) {
        System.out.printf("BENCH | %s | %s | %s | %.2f | %s | %s%n", figure, value, baseline, ratio, target,
                met == null ? "-" : met ? "met" : "MISSED");
    }

    /** One database and pair of topics holding a given number of open deadlines. */
    static final class Size {
        final int openDeadlines;
        final TestBed bed = TestBed.create();
        final AgroalDataSource dataSource = TestDatabase.migrated(bed, 8);
        final String events = bed.topic("dossier-events");
        final String alerts = bed.topic("deadline-alerts");
        final DeadlineStore store = new DeadlineStore(dataSource);
        int loaded;

        Size(int openDeadlines) throws Exception {
            this.openDeadlines = openDeadlines;
            long started = System.nanoTime();
            // Most open dossiers sit years from their next alert; a few are coming due now.
            Instant farFuture = Instant.parse("2031-01-01T10:00:00Z");
            copy("BENCH-", openDeadlines - COMING_DUE, i -> farFuture.plusSeconds(60L * i));
            Instant recent = Instant.now().minusSeconds(3600);
            copy(COMING_DUE_PREFIX, COMING_DUE, recent::plusSeconds);
            report("loaded %,d open deadlines with COPY in %d ms", loaded, (System.nanoTime() - started) / 1_000_000);
        }

        private void copy(String prefix, int count, IntFunction<Instant> dueAt) throws Exception {
            int chunk = 100_000;
            try (Connection connection = dataSource.getConnection()) {
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (int from = 0; from < count; from += chunk) {
                    StringBuilder csv = new StringBuilder();
                    for (int i = from; i < Math.min(count, from + chunk); i++) {
                        int n = loaded + i;
                        Instant due = dueAt.apply(i);
                        csv.append(prefix).append(n).append(",SADEC-P").append(1 + n % 4).append(",1.001612,")
                                .append(n % 3).append(",1,OPEN,f,").append(due.minus(Duration.ofDays(5))).append(',')
                                .append(due.atZone(VietnamTime.ZONE).toLocalDate()).append(',').append(due)
                                .append(',').append(due.minus(Duration.ofHours(2))).append('\n');
                    }
                    copy.copyIn("copy deadlines (dossier_code, unit_code, procedure_code, partition_no, last_sequence, "
                            + "status, paused, received_at, due_date, due_at, next_alert_at) from stdin with (format csv)",
                            new StringReader(csv.toString()));
                }
                loaded += count;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("vacuum analyze deadlines");
                }
            }
        }

        /**
         * Mean wall time of the alert tick's own claim query, rolled back so every scan sees the same rows and no
         * scan waits for a commit's WAL flush (the row locks give the transaction an id): the store rolls back when
         * the work throws, so the work throws what it found.
         */
        double scan(int times) {
            long started = System.nanoTime();
            for (int i = 0; i < times; i++) {
                int found = 0;
                try {
                    store.inTransaction(transaction -> {
                        throw new Claimed(transaction.claimDue(Instant.now(), Set.of(0, 1, 2), 500).size());
                    });
                } catch (Claimed claimed) {
                    found = claimed.rows;
                }
                if (found != COMING_DUE) {
                    throw new IllegalStateException("expected " + COMING_DUE + " rows coming due, found " + found);
                }
            }
            return (System.nanoTime() - started) / 1e6 / times;
        }

        Explain explain() throws Exception {
            double executionMs = 0;
            long buffers = 0;
            String plan = "";
            int runs = 50;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < runs; i++) {
                    StringBuilder text = new StringBuilder();
                    try (ResultSet rows = statement.executeQuery("explain (analyze, buffers) select dossier_code "
                            + "from deadlines where next_alert_at <= now() and partition_no = any ('{0,1,2}') "
                            + "order by next_alert_at limit 500 for update skip locked")) {
                        while (rows.next()) {
                            text.append(rows.getString(1).trim()).append(" | ");
                        }
                    }
                    connection.rollback();
                    plan = text.toString();
                    executionMs += Double.parseDouble(plan.replaceAll("(?s).*Execution Time: ([0-9.]+) ms.*", "$1"));
                }
            }
            Matcher hits = Pattern.compile("shared hit=(\\d+)").matcher(plan);
            buffers = hits.find() ? Long.parseLong(hits.group(1)) : 0;
            return new Explain(executionMs / runs, buffers, plan);
        }

        /**
         * Dossiers sent through Kafka with dueAt a few seconds ahead on the real clock; an engine with the
         * service's tick alerts them. Latency = the alert record's timestamp (producer time) minus dueAt.
         */
        Latency latency() throws Exception {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            try (Topic topic = new Topic(bed.kafka().adminConnection());
                 DeadlineEngine engine = Settings.of(events, alerts, "bench-" + bed.namespace(), Map.of())
                         .startEngine(bed.kafka().adminConnection(), "bench-" + openDeadlines, store,
                                 Clock.system(VietnamTime.ZONE))) {
                ticker.scheduleWithFixedDelay(engine::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
                Instant start = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
                Map<String, Instant> dueAt = new HashMap<>();
                List<CloudEvent> sent = new ArrayList<>();
                for (int i = 0; i < LATENCY_DOSSIERS; i++) {
                    String code = "LAT-" + i;
                    Instant due = start.plusMillis(17L * i);
                    dueAt.put(code, due);
                    sent.add(DossierEvent.of(code, "SADEC-P1", start.minus(Duration.ofDays(2))).received(1, due));
                }
                topic.sendAll(events, sent);
                List<Long> latencies = new ArrayList<>();
                long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (latencies.size() < LATENCY_DOSSIERS && System.nanoTime() < giveUp) {
                    latencies.clear();
                    for (ConsumerRecord<String, byte[]> record : topic.readAll(alerts)) {
                        CloudEvent alert = EventCodec.read(record.value());
                        if (alert.type().equals(EventTypes.OVERDUE) && dueAt.containsKey(alert.subject())) {
                            latencies.add(record.timestamp() - dueAt.get(alert.subject()).toEpochMilli());
                        }
                    }
                }
                // An alert that never came is as late as can be: it counts in the percentiles, never left out.
                while (latencies.size() < LATENCY_DOSSIERS) {
                    latencies.add(Long.MAX_VALUE);
                }
                Collections.sort(latencies);
                long arrived = latencies.stream().filter(latency -> latency != Long.MAX_VALUE).count();
                return new Latency(percentile(latencies, 50), percentile(latencies, 99),
                        latencies.get(latencies.size() - 1), (int) arrived, LATENCY_DOSSIERS);
            } finally {
                ticker.shutdownNow();
            }
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void report(String format, Object... args) {
        System.out.println("BENCH " + String.format(format, args));
    }

    /** The answer of a claim that must not commit. */
    static final class Claimed extends RuntimeException {
        final int rows;

        Claimed(int rows) {
            super(null, null, false, false);
            this.rows = rows;
        }
    }

    record Explain(double executionMs, long buffers, String plan) {
    }

    /** Milliseconds; {@link Long#MAX_VALUE} where the rank's alert never came. */
    record Latency(long p50, long p99, long max, int count, int expected) {

        String arrived() {
            return "%d of %d alerts arrived".formatted(count, expected);
        }

        String p99Text() {
            return p99 == Long.MAX_VALUE ? "never" : p99 + " ms";
        }

        @Override
        public String toString() {
            return "p50 %s, p99 %s, max %s (%s)".formatted(text(p50), text(p99), text(max), arrived());
        }

        private static String text(long millis) {
            return millis == Long.MAX_VALUE ? "never" : millis + " ms";
        }
    }
}
