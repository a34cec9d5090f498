package vn.motcua.stats.projection;

import vn.motcua.stats.store.DossierStore;

import java.time.Clock;
import java.time.Instant;

/**
 * Advances the clock of open dossiers whose counters change with time alone: dueAt passed (within the deadline →
 * overdue) or a new quarter began (carried over into the new periods). The overdue alert does the first too;
 * this sweep makes the current period right even when an alert is late or lost.
 */
public final class TimeSweep {

    private static final int BATCH = 500;

    private final DossierStore store;
    private final Clock clock;

    public TimeSweep(DossierStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Returns how many dossiers it advanced. */
    public int run() {
        Instant now = clock.instant();
        int advanced = 0;
        while (true) {
            int inBatch = 0;
            for (String code : store.dueForTick(now, BATCH)) {
                if (store.apply(code, dossier -> dossier.tickedTo(now))) {
                    advanced++;
                    inBatch++;
                }
            }
            if (inBatch == 0) {
                return advanced;
            }
        }
    }
}
