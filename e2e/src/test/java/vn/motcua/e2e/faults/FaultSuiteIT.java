package vn.motcua.e2e.faults;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: two instances of each packaged service on infrastructure of the suite's own, a
 * steady load of kiosk POSTs and lifecycle steps on both intake instances, and meanwhile kill -9 of one instance of
 * each service three times, PostgreSQL restarted, the broker away for 60 s, MongoDB restarted. Then the load stops,
 * the suite waits (bounded) until everything is processed, and checks {@link Invariants} against intake's database.
 * It prints one line of figures. Run with {@code ./mvnw -B verify -Pfaults -pl e2e -am}; not part of the normal
 * build (about six minutes).
 */
@Tag("faults")
class FaultSuiteIT {

    private static final int KIOSKS = 4;
    private static final double POSTS_PER_SECOND_PER_KIOSK = 2.5;
    private static final int CLERKS = 3;
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Path EVIDENCE = Path.of("target/e2e-logs/faults-topics");

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void every_dossier_event_alert_and_count_survives_kills_and_outages() throws Exception {
        Instant started = Instant.now();
        long seed = Long.getLong("faults.seed", started.toEpochMilli());
        System.out.println("faults: seed " + seed + " (-Dfaults.seed=" + seed + " repeats the load's choices)");
        try (OwnInfrastructure infrastructure = OwnInfrastructure.start(Path.of("target/faults"));
             Fleet fleet = Fleet.start(infrastructure.environment());
             KioskLoad load = KioskLoad.start(fleet.urls(Fleet.Service.INTAKE), infrastructure::adminToken, KIOSKS, POSTS_PER_SECOND_PER_KIOSK,
                     CLERKS, seed);
             Invariants invariants = new Invariants(infrastructure, fleet, load.ledger())) {
            Instant loadFrom = Instant.now();
            System.out.println("faults: infrastructure and six instances ready in "
                    + Duration.between(started, loadFrom).toSeconds() + " s; load and faults begin");
            FaultScript faults = new FaultScript(infrastructure, fleet, load.ledger());
            faults.run();
            load.stop();
            Instant loadEnd = Instant.now();

            AtomicReference<Invariants.Verdict> last = new AtomicReference<>();
            AtomicReference<Instant> quietAt = new AtomicReference<>();
            try {
                // Quiet first (nothing left to publish, consume or alert); then a few sweeps for the report's
                // pending columns. What still fails after that will not heal.
                await("the suite quiet and every invariant holding").atMost(QUIET_WITHIN)
                        .pollInterval(Duration.ofSeconds(3)).until(() -> {
                            Instant now = Instant.now();
                            last.set(invariants.lookSafely());
                            if (last.get().notQuiet().isEmpty()) {
                                quietAt.compareAndSet(null, now);
                            }
                            return last.get().holds() || quietAt.get() != null
                                    && Duration.between(quietAt.get(), now).compareTo(SETTLE) > 0;
                        });
            } catch (ConditionTimeoutException timeout) {
                // reported below with the last look
            }
            invariants.writeTopics(EVIDENCE);
            Invariants.Verdict verdict = last.get();
            assertThat(verdict).as("no look at the suite completed within %s", QUIET_WITHIN).isNotNull();
            System.out.println(summary(verdict.figures(), faults, load.ledger(), seed, Duration.between(loadFrom,
                    loadEnd), quietAt.get() == null ? null : Duration.between(loadEnd, quietAt.get()),
                    Duration.between(started, Instant.now())));
            // Personal data never leaves intake's database: not even a failed group commit during the PostgreSQL
            // restart may log an applicant's ID number (the load's are 087 and nine digits) or name.
            assertThat(personalDataInLogs()).as("log lines with an applicant's ID number or name").isEmpty();
            if (!verdict.holds()) {
                fail((quietAt.get() == null ? "not quiet within " + QUIET_WITHIN + " of the load's end"
                        : "quiet " + Duration.between(loadEnd, quietAt.get()).toSeconds() + " s after the load's end, "
                        + "but the invariants did not hold " + SETTLE.toSeconds() + " s later") + ":\n"
                        + verdict.describe() + "\nfaults:\n" + String.join("\n", faults.log())
                        + "\nlogs: e2e/target/e2e-logs/faults-*.log; topics as read: " + EVIDENCE.toAbsolutePath());
            }
        }
    }

    /** Where a log of the fleet holds what looks like an applicant's ID number or name: file and line number only. */
    private static List<String> personalDataInLogs() throws IOException {
        Pattern personal = Pattern.compile("\\b087\\d{9}\\b|Công dân \\d+");
        List<String> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(Path.of("target/e2e-logs"))) {
            for (Path log : logs.filter(file -> file.getFileName().toString().matches("faults-.*\\.log")).toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (personal.matcher(lines.get(i)).find()) {
                        found.add(log.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        return found;
    }

    private static String summary(Invariants.Figures figures, FaultScript faults, KioskLoad.Ledger ledger, long seed,
                                  Duration load, Duration quietAfter, Duration total) {
        return String.format("FAULT SUITE: %d dossiers, %d events (%d redelivered), %d alerts, %d kills, broker "
                        + "outage %d s, PostgreSQL restarts %d, MongoDB restarts %d; lost %d, counted twice %d, "
                        + "duplicate alerts %d, dead letters %d; %d POSTs (%d refused, %d retried), %d steps "
                        + "(%d retried); load %d s, quiet %s after it, total %d s; seed %d",
                figures.dossiers(), figures.events(), figures.redeliveredEvents(), figures.alerts(), faults.kills(),
                faults.brokerOutage().toSeconds(), faults.postgresRestarts(), faults.mongoRestarts(),
                figures.lost(), figures.countedTwice(), figures.duplicateAlerts(), figures.deadLetters(),
                ledger.posts.get(), ledger.refused.get(), ledger.retries.get(), ledger.steps.get(),
                ledger.stepRetries.get(), load.toSeconds(),
                quietAfter == null ? "never" : quietAfter.toSeconds() + " s",
                total.toSeconds(), seed);
    }
}
