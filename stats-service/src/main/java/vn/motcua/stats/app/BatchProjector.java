package vn.motcua.stats.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.DossierWrite;
import vn.motcua.stats.store.StoredDossier;
import vn.motcua.stats.store.TotalsStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The exactly-once protocol of {@link DossierProjector} for a poll's worth of events in a fixed number of round
 * trips: one find of the dossiers, one find of the state of the totals documents their deltas touch, one bulk
 * write of the dossiers (each guarded by its version, with its pending delta), one bulk of summed updates of the
 * totals documents, one bulk unset of the pending deltas. Every guard is an equality on {@code _id} and one more
 * field, which an index answers.
 *
 * <p>A totals document's update carries the sum of every delta that touches it, guarded by the document's revision
 * being the one read before the deltas were written ({@link TotalsApplier#takeTogether} says why that suffices);
 * if it moved (say another instance finished one of the deltas), the document refuses as a whole and its deltas
 * are taken one by one ({@link TotalsApplier#takeOnce}), which reads the dossiers. A
 * dossier found with a pending delta, or whose guarded write lost to another writer, goes through
 * {@link DossierProjector#apply} afterwards. Every step is the one-by-one protocol's, so a crash anywhere leaves
 * what a crash there leaves.
 */
@Singleton
public final class BatchProjector {

    private final DossierStore dossiers;
    private final TotalsStore totals;
    private final TotalsApplier applier;
    private final DossierProjector oneByOne;
    private final CrashPoint crashPoint;
    private final Clock wallClock;

    @Inject
    BatchProjector(DossierStore dossiers, TotalsStore totals, DossierProjector oneByOne) {
        this(dossiers, totals, oneByOne, CrashPoint.NONE, Clock.systemUTC());
    }

    /** {@code wallClock} stamps the pending deltas, as in {@link DossierProjector}. */
    public BatchProjector(DossierStore dossiers, TotalsStore totals, DossierProjector oneByOne,
                          CrashPoint crashPoint, Clock wallClock) {
        this.dossiers = dossiers;
        this.totals = totals;
        this.applier = oneByOne.applier();
        this.oneByOne = oneByOne;
        this.crashPoint = crashPoint;
        this.wallClock = wallClock;
    }

    /** Applies every change exactly once in effect. Returns how many dossiers changed. */
    public int applyAll(List<DossierChange> changes) {
        Map<String, UnaryOperator<DossierRecord>> byDossier = DossierChange.byDossier(changes);
        Map<String, StoredDossier> stored = dossiers.findAll(byDossier.keySet());
        List<DossierWrite> writes = new ArrayList<>();
        List<String> redo = new ArrayList<>();
        byDossier.forEach((code, change) -> {
            StoredDossier found = stored.get(code);
            if (found != null && found.pending() != null) {
                redo.add(code); // its delta is finished first, on the one-by-one path
                return;
            }
            DossierRecord before = found == null ? DossierRecord.empty(code) : found.dossier();
            DossierRecord after = change.apply(before);
            if (after != before) {
                writes.add(DossierProjector.write(before, after));
            }
        });

        // Before the deltas exist: the precondition of TotalsApplier.takeTogether.
        Map<TotalsKey, TotalsStore.State> seen = totals.states(touchedTotals(writes));
        crashPoint.reached(CrashPoint.BATCH_DOSSIERS_READ);
        Set<String> lost = dossiers.saveAll(writes, wallClock.instant());
        crashPoint.reached(CrashPoint.BATCH_DOSSIERS_WRITTEN);
        List<TotalsDelta> written = new ArrayList<>();
        for (DossierWrite write : writes) {
            if (write.pending() != null && !lost.contains(write.changed().code())) {
                written.add(write.pending());
            }
        }
        applier.finishWritten(written, seen, CrashPoint.BATCH_TOTALS_APPLIED);
        crashPoint.reached(CrashPoint.BATCH_PENDING_CLEARED);

        int changed = writes.size() - lost.size();
        redo.addAll(lost);
        for (String code : redo) {
            if (oneByOne.apply(code, byDossier.get(code))) {
                changed++;
            }
        }
        return changed;
    }

    private static Set<TotalsKey> touchedTotals(List<DossierWrite> writes) {
        Set<TotalsKey> touched = new HashSet<>();
        for (DossierWrite write : writes) {
            if (write.pending() != null) {
                touched.addAll(write.pending().changes().keySet());
            }
        }
        return touched;
    }
}
