package vn.motcua.stats.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.motcua.stats.domain.Contributions;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.DossierFacts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.DossierWrite;
import vn.motcua.stats.store.StoredDossier;
import vn.motcua.stats.store.TotalsStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Applies a change of one dossier to the projection and moves its effect into the totals exactly once, without
 * multi-document transactions (docs/architecture.md, "Exactly-once totals"). {@link BatchProjector} does the same
 * for a poll's worth of dossiers at once, and falls back on this class.
 *
 * <p>Each change of a dossier's facts is written in this order:
 * <ol>
 *   <li>one replace of the dossier document, guarded by its version, holding the new observations and clock
 *       <em>and</em> the pending delta: {@code {id: "<code>#<version>", at, incs: [{unit, procedure, period, c}]}}, the
 *       difference of {@link Contributions} before and after;</li>
 *   <li>its shares in one bulk write of the totals documents, guarded by their revisions read before step 1
 *       ({@link TotalsApplier#takeTogether}); a document that refused, or any document of a delta a crash left,
 *       takes its share alone ({@link TotalsApplier#takeOnce}), unless the dossier says it has;</li>
 *   <li>an $unset of the pending delta.</li>
 * </ol>
 * A crash before 1 leaves no trace and the event comes again (offsets are committed after the effect). A crash
 * after 1 leaves the delta on the dossier: any instance finishes it, at its start ({@link #finishAllPending}),
 * before any further change of that dossier, or once it is older than a while ({@link #finishPendingOlderThan},
 * run by {@link PendingFinisher}); the totals documents that already took it skip it. The
 * redelivered event then finds its sequence already observed and changes nothing.
 *
 * <p>Why nothing about a finished delta needs keeping: a dossier's deltas are written in version order, and a
 * delta is written only once the previous one is finished (step 3 follows every step 2; a change first finishes
 * what it finds pending). So a delta that is not pending any more is in every totals document it touches, whatever
 * the number of instances and however long ago.
 */
@Singleton
public final class DossierProjector {

    private static final int MAX_ATTEMPTS = 100;

    private final DossierStore dossiers;
    private final TotalsStore totals;
    private final TotalsApplier applier;
    private final CrashPoint crashPoint;
    private final Clock wallClock;

    @Inject
    DossierProjector(DossierStore dossiers, TotalsStore totals) {
        this(dossiers, totals, CrashPoint.NONE, Clock.systemUTC());
    }

    public DossierProjector(DossierStore dossiers, TotalsStore totals, CrashPoint crashPoint) {
        this(dossiers, totals, crashPoint, Clock.systemUTC());
    }

    /**
     * {@code wallClock} stamps pending deltas to tell a stalled one from one in flight; real time, not the
     * service's business clock, which tests set to the past.
     */
    public DossierProjector(DossierStore dossiers, TotalsStore totals, CrashPoint crashPoint, Clock wallClock) {
        this.dossiers = dossiers;
        this.totals = totals;
        this.applier = new TotalsApplier(totals, dossiers, crashPoint);
        this.crashPoint = crashPoint;
        this.wallClock = wallClock;
    }

    /** The batch path on the same stores, crash point and applier. */
    BatchProjector batches() {
        return new BatchProjector(dossiers, totals, this, crashPoint, wallClock);
    }

    /** Its totals applier, which {@link BatchProjector} shares. */
    TotalsApplier applier() {
        return applier;
    }

    /**
     * Indexes, and the totals documents of older builds (per-procedure keys; their watermarks); run before
     * consuming.
     */
    public void prepareCollections() {
        dossiers.ensureIndexes();
        totals.ensureIndexes();
        totals.convertUnitPeriodDocuments();
        applier.convertWatermarks();
    }

    /** Applies a change of one dossier exactly once in effect. Returns false when it changed nothing. */
    public boolean apply(String code, UnaryOperator<DossierRecord> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDossier> stored = dossiers.find(code);
            if (stored.isPresent() && stored.get().pending() != null) {
                finish(stored.get().pending());
                continue;
            }
            DossierRecord before = stored.map(StoredDossier::dossier).orElseGet(() -> DossierRecord.empty(code));
            DossierRecord after = change.apply(before);
            if (after == before) {
                return false;
            }
            DossierWrite write = write(before, after);
            TotalsDelta delta = write.pending();
            // Before the delta exists: the precondition of TotalsApplier.takeTogether.
            Map<TotalsKey, TotalsStore.State> seen = delta == null ? Map.of()
                    : totals.states(delta.changes().keySet());
            if (!dossiers.save(write.changed(), write.facts(), delta, wallClock.instant())) {
                continue; // another writer changed this dossier first: read again
            }
            crashPoint.reached(CrashPoint.DOSSIER_WRITTEN);
            if (delta != null) {
                applier.finishWritten(List.of(delta), seen, CrashPoint.TOTALS_APPLIED);
                crashPoint.reached(CrashPoint.PENDING_CLEARED);
            }
            return true;
        }
        throw new IllegalStateException("dossier " + code + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * The write that turns {@code before} (as stored) into {@code after}: the new facts and the delta of their
     * contributions, as version {@code before.version() + 1}; no delta when the contributions stay the same.
     */
    static DossierWrite write(DossierRecord before, DossierRecord after) {
        DossierFacts facts = after.facts();
        Map<TotalsKey, Counts> changes = Contributions.difference(Contributions.of(before.facts()),
                Contributions.of(facts));
        TotalsDelta pending = changes.isEmpty() ? null
                : TotalsDelta.of(before.code(), before.version() + 1, changes);
        return new DossierWrite(after, facts, pending);
    }

    /** Finishes every delta a crash left behind; run before consuming. Returns how many it finished. */
    public int finishAllPending() {
        int[] finished = {0};
        dossiers.forEachPending(delta -> {
            finish(delta);
            finished[0]++;
        });
        return finished[0];
    }

    /**
     * Finishes the deltas written more than {@code age} ago, by whichever instance: the writer crashed or stalled.
     * One still being finished by its writer is finished twice in effect once, which the marks allow.
     */
    public int finishPendingOlderThan(Duration age) {
        int[] finished = {0};
        dossiers.forEachPendingWrittenBefore(wallClock.instant().minus(age), delta -> {
            finish(delta);
            finished[0]++;
        });
        return finished[0];
    }

    /** Steps 2 and 3 for one delta: idempotent, so any instance may run it at any time. */
    void finish(TotalsDelta delta) {
        delta.changes().forEach((key, counts) ->
                applier.takeOnce(key, new TotalsStore.Share(delta.code(), delta.version(), counts)));
        dossiers.clearPending(delta.code(), delta.id());
        crashPoint.reached(CrashPoint.PENDING_CLEARED);
    }
}
