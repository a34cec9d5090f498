package vn.motcua.stats.app;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.motcua.stats.config.StatsConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finishes, on any instance, the pending deltas that have waited longer than
 * {@code motcua.stats.finish-pending-after}: an instance that crashed between its writes leaves its half-applied
 * change to the next run of this job on whichever instance is up, not to a restart of its own. A writer that is only
 * slow finishes its delta too; it counts once (TotalsApplier).
 */
@Singleton
public final class PendingFinisher {

    private static final Logger LOG = Logger.getLogger(PendingFinisher.class);

    private final Supplier<List<DossierProjector>> projectors;
    private final Duration after;

    /** The service's: in the generation served and in the one being built, if any. */
    @Inject
    PendingFinisher(Generations generations, StatsConfig config) {
        this(() -> generations.active().stream().map(GenerationGraph::projector).toList(),
                config.finishPendingAfter());
    }

    public PendingFinisher(DossierProjector projector, Duration after) {
        this(() -> List.of(projector), after);
    }

    private PendingFinisher(Supplier<List<DossierProjector>> projectors, Duration after) {
        this.projectors = projectors;
        this.after = after;
    }

    /** Returns how many deltas it finished. */
    public int run() {
        int finished = 0;
        for (DossierProjector projector : projectors.get()) {
            finished += projector.finishPendingOlderThan(after);
        }
        return finished;
    }

    /** As often as the age it waits for: a stalled delta is finished at most twice that long after it was written. */
    @Scheduled(every = "${motcua.stats.finish-pending-after}", delayed = "${motcua.stats.finish-pending-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int finished = run();
            if (finished > 0) {
                LOG.infof("finished %d pending deltas older than %s, left by a stopped or stalled writer", finished,
                        after);
            }
        } catch (RuntimeException e) {
            LOG.warn("finishing pending deltas failed; it runs again on schedule: " + e);
        }
    }
}
