package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.EventTypes;
import vn.motcua.events.UnitState;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.OutboxStream;
import vn.motcua.intake.domain.UnitTimeline;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierStep;
import vn.motcua.intake.store.DossierTransfer;
import vn.motcua.intake.store.OutboxRows;
import vn.motcua.intake.store.UnitStateRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves the dossiers of a closed unit to its successor (docs/time-and-counting.md, "Moving a closed unit's
 * dossiers"): every dossier of a unit closed by today that had not closed before the closing day D changes its
 * handling unit, with a history step and a {@code dossier.transferred} in the outbox, transferred at D 00:00 in
 * Vietnam. The due date, the clock and a stopped clock stay as they are. A successor closed by then passes them on
 * in the same run (closings in the order of their days, passes until one moves nothing).
 * <p>
 * It runs right after a closing dated today or earlier is committed (api.UnitResource), and every
 * {@code motcua.intake.transfers.every} on every instance for closings dated ahead. Each batch is a transaction of
 * its own that locks the rows it moves and skips rows another one holds; a moved row no longer has the closed unit,
 * so however many runs and instances overlap, each dossier is moved, and its event written, once.
 */
@Singleton
public class DossierTransfers {

    private static final Logger LOG = Logger.getLogger(DossierTransfers.class);
    /** A chain of closings longer than this is not a reorganisation: the next run goes on. */
    private static final int MAX_PASSES = 10;

    /** A unit closed by today: from {@code from} (D 00:00 in Vietnam) its dossiers belong to {@code successor}. */
    private record Closing(String unit, String successor, LocalDate day, Instant from) {
    }

    private final OutboxRows outbox;
    private final IntakeConfig.Transfers settings;
    private final Scheduler scheduler;
    private final Clock clock;
    /** When a run last finished, failed or not, on the monotonic clock; also after each batch. */
    private volatile long lastBeatNanos = System.nanoTime();

    DossierTransfers(OutboxRows outbox, IntakeConfig config, Scheduler scheduler, Clock clock) {
        this.outbox = outbox;
        this.settings = config.transfers();
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        // Scheduled here rather than by annotation so that the interval is the typed motcua.intake.transfers.every.
        scheduler.newJob("dossier-transfers")
                .setInterval(settings.every().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> moveDueQuietly())
                .schedule();
    }

    /**
     * A run that never throws: the schedule's, and the one right after a closing was committed (that request has
     * succeeded whatever becomes of the move; a failed run is the next scheduled one's work).
     */
    public void moveDueQuietly() {
        try {
            int moved = moveDue();
            if (moved > 0) {
                LOG.infof("moved %d dossiers of closed units to their successors", moved);
            }
        } catch (RuntimeException e) {
            // The database away: nothing half done (each batch commits whole); the next run takes it up.
            LOG.warnf("moving the dossiers of closed units failed; it runs again on schedule: %s", e.getMessage());
        }
    }

    /** Moves every dossier due to move now; answers how many this call moved. */
    public int moveDue() {
        int moved = 0;
        try {
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                int inPass = 0;
                for (Closing closing : closingsInForce()) {
                    int inBatch;
                    do {
                        inBatch = QuarkusTransaction.requiringNew().call(() -> moveBatch(closing));
                        inPass += inBatch;
                        beat();
                    } while (inBatch == settings.batchSize());
                }
                moved += inPass;
                if (inPass == 0) {
                    break;
                }
            }
            return moved;
        } finally {
            beat();
        }
    }

    /** Every unit whose state in force today is closed, by its closing day; read fresh, whoever changed it. */
    private List<Closing> closingsInForce() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        UnitTimeline timeline = QuarkusTransaction.requiringNew()
                .call(() -> UnitTimeline.of(UnitStateRow.histories()));
        List<Closing> closings = new ArrayList<>();
        for (String code : timeline.codes()) {
            timeline.on(code, today).filter(UnitState::closed).ifPresent(state -> closings.add(new Closing(code,
                    state.successorCode(), state.effectiveFrom(),
                    state.effectiveFrom().atStartOfDay(VietnamTime.ZONE).toInstant())));
        }
        closings.sort(Comparator.comparing(Closing::day).thenComparing(Closing::unit));
        return closings;
    }

    private int moveBatch(Closing closing) {
        List<String> codes = Dossier.lockTransferable(closing.unit(), closing.from(), settings.batchSize());
        Instant now = clock.instant();
        for (String code : codes) {
            Dossier dossier = Dossier.findById(code);
            String previous = dossier.unitCode;
            dossier.unitCode = closing.successor();
            dossier.sequence++;
            // Handled by the successor from D: a later step may not be dated back into the old unit's time.
            if (dossier.lastStepAt.isBefore(closing.from())) {
                dossier.lastStepAt = closing.from();
            }
            DossierStep.append(dossier, EventTypes.TRANSFERRED, closing.from(), previous + " → " + closing.successor(),
                    DueDateRecount.RECORDED_BY, now);
            DossierTransfer.record(dossier, previous, closing.from());
            outbox.append(OutboxStream.DOSSIER_EVENTS, dossier.code, dossier.sequence, EventTypes.TRANSFERRED,
                    DossierEvents.transferred(dossier, now, previous, closing.from()));
        }
        return codes.size();
    }

    private void beat() {
        lastBeatNanos = System.nanoTime();
    }

    /** Since the last run or batch finished, on the monotonic clock. */
    public Duration sinceLastRun() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - lastBeatNanos));
    }

    public Duration stallAfter() {
        return settings.stallAfter();
    }
}
