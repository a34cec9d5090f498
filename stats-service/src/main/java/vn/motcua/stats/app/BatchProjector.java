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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The exactly-once protocol of {@link DossierProjector} for a poll's worth of events in a fixed number of round
 * trips: one find of the dossiers, one bulk write of them (each guarded by its version, with its pending delta),
 * one bulk of summed updates of the totals documents, one bulk unset of the pending deltas.
 *
 * <p>A totals document's update carries the sum of every delta that touches it and raises each of their
 * watermarks, guarded by all of them being below; if one is not (another instance finished that delta), the
 * document refuses as a whole and its deltas are applied one by one. A dossier found with a pending delta, or
 * whose guarded write lost to another writer, goes through {@link DossierProjector#apply} afterwards. Every step
 * is the one-by-one protocol's, so a crash anywhere leaves what a crash there leaves.
 */
@Singleton
public final class BatchProjector {

    private final DossierStore dossiers;
    private final TotalsStore totals;
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

        crashPoint.reached(CrashPoint.BATCH_DOSSIERS_READ);
        Set<String> lost = dossiers.saveAll(writes, wallClock.instant());
        crashPoint.reached(CrashPoint.BATCH_DOSSIERS_WRITTEN);
        List<TotalsDelta> written = new ArrayList<>();
        for (DossierWrite write : writes) {
            if (write.pending() != null && !lost.contains(write.changed().code())) {
                written.add(write.pending());
            }
        }
        applyToTotals(written);
        crashPoint.reached(CrashPoint.BATCH_TOTALS_APPLIED);
        dossiers.clearAllPending(written);
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

    private void applyToTotals(List<TotalsDelta> deltas) {
        Map<TotalsKey, List<TotalsStore.Share>> byDocument = new LinkedHashMap<>();
        for (TotalsDelta delta : deltas) {
            delta.changes().forEach((key, counts) -> byDocument.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new TotalsStore.Share(delta.code(), delta.version(), counts)));
        }
        for (TotalsKey refused : totals.applyTogether(byDocument)) {
            for (TotalsStore.Share share : byDocument.get(refused)) {
                totals.applyOnce(refused, share);
                crashPoint.reached(CrashPoint.TOTALS_APPLIED);
            }
        }
    }
}
