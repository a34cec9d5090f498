package vn.motcua.stats.app;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.motcua.stats.store.DossierStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Advances the clock of open dossiers whose counters change with time alone: dueAt passed (within the deadline →
 * overdue) or a new quarter began (carried over into the new periods). The overdue alert does the first too;
 * this sweep makes the current period right even when an alert is late or lost.
 */
@Singleton
public final class TimeSweep {

    private static final Logger LOG = Logger.getLogger(TimeSweep.class);
    private static final int BATCH = 500;

    private final Supplier<Target> target;
    private final Clock clock;

    /** The service's: on the generation being served, whichever it is at each run. */
    @Inject
    TimeSweep(Generations generations, Clock clock) {
        this(() -> {
            GenerationGraph serving = generations.serving();
            return new Target(serving.dossiers(), serving.batches());
        }, clock);
    }

    public TimeSweep(DossierStore dossiers, DossierProjector projector, Clock clock) {
        this(() -> new Target(dossiers, projector.batches()), clock);
    }

    private TimeSweep(Supplier<Target> target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /** One generation's dossiers and projector: a run reads them once and stays on them. */
    private record Target(DossierStore dossiers, BatchProjector batches) {
    }

    /** Returns how many dossiers it advanced. */
    public int run() {
        Target on = target.get();
        Instant now = clock.instant();
        int advanced = 0;
        while (true) {
            List<DossierChange> ticks = new ArrayList<>();
            for (String code : on.dossiers().dueForTick(now, BATCH)) {
                ticks.add(new DossierChange(code, dossier -> dossier.tickedTo(now)));
            }
            // A batch as the consumer's (BatchProjector): the totals documents a batch touches take its sum at once.
            int inBatch = ticks.isEmpty() ? 0 : on.batches().applyAll(ticks);
            advanced += inBatch;
            if (inBatch == 0) {
                return advanced;
            }
        }
    }

    /** Every {@code motcua.stats.sweep-every} (config.StatsConfig); a failed run is simply the next one's work. */
    @Scheduled(every = "${motcua.stats.sweep-every}", delayed = "${motcua.stats.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int advanced = run();
            if (advanced > 0) {
                LOG.debugf("time sweep advanced %d dossiers", advanced);
            }
        } catch (RuntimeException e) {
            LOG.warn("time sweep failed; it runs again on schedule: " + e);
        }
    }
}
