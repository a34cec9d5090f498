package vn.motcua.stats.app;

import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.stats.app.ReportService;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.stats.support.CrashSchedule;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.Form06;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.PlainStats;
import vn.motcua.stats.support.Recount;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once effect on the real broker and the MongoDB wire server, without Quarkus: events delivered twice
 * and in another order, and a consumer killed at every crash point of its batches and of its recovery in turn (a
 * few events a poll, so many batches), end with the exact totals.
 */
@ExtendWith(RealInfrastructureExtension.class)
class ExactlyOnceTest {

    static final Instant NOW = OffsetDateTime.parse("2023-08-20T15:00:00+07:00").toInstant();
    static final List<String> PERIODS = List.of("2022-H1", "2022-H2", "2022-Q4", "2022", "2023-H1", "2023-Q3",
            "2023-H2", "2023");

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private TestBed bed;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
    }

    /** A producer per batch: one idempotent producer across freshly created topics met OutOfOrderSequence. */
    private void send(String dossierTopic, String alertTopic, List<Events.Outgoing> events) {
        try (Producer<String, byte[]> producer = Events.producer(bed.kafka().adminConnection())) {
            Events.send(producer, dossierTopic, alertTopic, events);
        }
    }

    /** A catalogue topic holding Sa Đéc's units: the reports roll the wards up into SADEC by it. */
    private String saDecCatalogue(String name) {
        String topic = bed.compactedTopic(name + "-catalogue");
        Catalogue.publish(bed.kafka().adminConnection(), topic, Catalogue.SA_DEC);
        return topic;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void theSameEventsTwiceAndInAnotherOrderGiveTheSameTotals() {
        List<History> histories = new HistoryGenerator(61, NOW).generate("DUP", 150);
        List<Events.Outgoing> inOrder = Events.of(histories);
        List<Events.Outgoing> shuffled = new ArrayList<>(inOrder);
        shuffled.addAll(inOrder.subList(0, inOrder.size() / 2)); // half of them a second time
        shuffled.addAll(inOrder.subList(inOrder.size() / 3, inOrder.size())); // and two thirds again
        Collections.shuffle(shuffled, new Random(7)); // across dossiers, and within a dossier too

        PlainStats ordered = consumeAll(inOrder, "ordered");
        PlainStats twiceShuffled = consumeAll(shuffled, "shuffled");

        assertThat(twiceShuffled.totals().all()).isEqualTo(ordered.totals().all());
        assertMatchesRecount(ordered.reports(), histories);
        assertMatchesRecount(twiceShuffled.reports(), histories);
        assertThat(twiceShuffled.totals().all()).isEqualTo(ordered.totals().all());
    }

    @Test
    void killedAtEveryCrashPointInTurnAndRestartedItEndsWithExactTotals() {
        List<History> histories = new HistoryGenerator(62, NOW).generate("CRASH", 150);
        String dossierTopic = bed.topic("crash-dossier-events");
        String alertTopic = bed.topic("crash-deadline-alerts");
        send(dossierTopic, alertTopic, Events.of(histories));
        PlainStats stats = new PlainStats(bed, bed.mongoDatabase() + "_crash", List.of(dossierTopic, alertTopic),
                saDecCatalogue("crash"), NOW);
        closeables.add(stats);

        // Recovery's own places come right after the one that leaves deltas pending for it to finish.
        CrashSchedule crashes = new CrashSchedule(new Random(8), List.of(CrashPoint.BATCH_DOSSIERS_WRITTEN,
                CrashPoint.TOTALS_APPLIED, CrashPoint.PENDING_CLEARED, CrashPoint.BATCH_DOSSIERS_READ,
                CrashPoint.BATCH_TOTALS_APPLIED, CrashPoint.BATCH_PENDING_CLEARED), 25, 1);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof CrashSchedule.SimulatedCrash)) {
                previous.uncaughtException(thread, e);
            }
        });
        try {
            startSurvivingCrashesInRecovery(stats, crashes);
            while (true) {
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> !stats.isRunning() || stats.caughtUp());
                if (stats.isRunning() && (crashes.remaining() == 0 || stats.caughtUp())) {
                    break;
                }
                if (!stats.isRunning()) {
                    stats.stop();
                    startSurvivingCrashesInRecovery(stats, crashes);
                }
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(crashes.crashed()).isGreaterThanOrEqualTo(20);
        assertThat(crashes.places()).as("killed between every pair of steps of a batch, and while recovering")
                .contains(CrashPoint.BATCH_DOSSIERS_READ, CrashPoint.BATCH_DOSSIERS_WRITTEN,
                        CrashPoint.BATCH_TOTALS_APPLIED, CrashPoint.BATCH_PENDING_CLEARED, CrashPoint.TOTALS_APPLIED,
                        CrashPoint.PENDING_CLEARED);
        stats.stop();
        stats.projector(CrashPoint.NONE).finishAllPending(); // what the next start would do
        assertMatchesRecount(stats.reports(), histories);
    }

    private static void startSurvivingCrashesInRecovery(PlainStats stats, CrashSchedule crashes) {
        while (true) {
            try {
                stats.start(crashes, 5);
                return;
            } catch (CrashSchedule.SimulatedCrash crashedWhileRecovering) {
                // killed again while finishing the last one's deltas: start once more
            }
        }
    }

    private PlainStats consumeAll(List<Events.Outgoing> events, String name) {
        String dossierTopic = bed.topic(name + "-dossier-events");
        String alertTopic = bed.topic(name + "-deadline-alerts");
        send(dossierTopic, alertTopic, events);
        PlainStats stats = new PlainStats(bed, bed.mongoDatabase() + "_" + name, List.of(dossierTopic, alertTopic),
                saDecCatalogue(name), NOW);
        closeables.add(stats);
        stats.start(CrashPoint.NONE);
        await().atMost(Duration.ofSeconds(60)).until(stats::caughtUp);
        stats.stop();
        return stats;
    }

    private static void assertMatchesRecount(ReportService reports, List<History> histories) {
        for (String period : PERIODS) {
            Period p = Period.parse(period).orElseThrow();
            for (String unit : List.of("ALL", "SADEC", "SADEC-AH", "LAPVO-X")) {
                Set<String> units = switch (unit) {
                    case "ALL" -> Set.copyOf(HistoryGenerator.UNITS);
                    case "SADEC" -> Set.of("SADEC", "SADEC-P1", "SADEC-P2", "SADEC-AH", "SADEC-TKD");
                    default -> Set.of(unit);
                };
                assertThat(Form06.of(reports.report(reports.query(period, unit)))).as(period + " " + unit)
                        .isEqualTo(Recount.count(histories, units, p.from(), p.to(), NOW));
            }
        }
    }
}
