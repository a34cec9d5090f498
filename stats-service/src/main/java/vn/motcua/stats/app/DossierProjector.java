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
import vn.motcua.stats.store.StoredDossier;
import vn.motcua.stats.store.TotalsStore;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Applies a change of one dossier to the projection and moves its effect into the totals exactly once, without
 * multi-document transactions (docs/architecture.md, "Exactly-once totals").
 *
 * <p>Each change of a dossier's facts is written in this order:
 * <ol>
 *   <li>one replace of the dossier document, guarded by its version, holding the new observations and clock
 *       <em>and</em> the pending delta: {@code {id: "<code>#<version>", incs: [{unit, period, c}]}}, the
 *       difference of {@link Contributions} before and after;</li>
 *   <li>one guarded $inc per totals document ({@link TotalsStore#applyOnce}), which a document takes once per
 *       delta id;</li>
 *   <li>an $unset of the pending delta.</li>
 * </ol>
 * A crash before 1 leaves no trace and the event comes again (offsets are committed after the effect). A crash
 * after 1 leaves the delta on the dossier: it is finished at startup ({@link #finishAllPending}) and before any
 * further change of that dossier, and the guard makes the totals documents that already took it skip it. The
 * redelivered event then finds its sequence already observed and changes nothing.
 */
@Singleton
public final class DossierProjector {

    private static final int MAX_ATTEMPTS = 100;

    private final DossierStore dossiers;
    private final TotalsStore totals;
    private final CrashPoint crashPoint;

    @Inject
    DossierProjector(DossierStore dossiers, TotalsStore totals) {
        this(dossiers, totals, CrashPoint.NONE);
    }

    public DossierProjector(DossierStore dossiers, TotalsStore totals, CrashPoint crashPoint) {
        this.dossiers = dossiers;
        this.totals = totals;
        this.crashPoint = crashPoint;
    }

    public void ensureIndexes() {
        dossiers.ensureIndexes();
        totals.ensureIndexes();
    }

    /** Applies a change of one dossier exactly once in effect. Returns false when it changed nothing. */
    public boolean apply(String code, UnaryOperator<DossierRecord> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDossier> stored = dossiers.find(code);
            if (stored.isPresent() && stored.get().pending() != null) {
                finish(code, stored.get().pending());
                continue;
            }
            DossierRecord before = stored.map(StoredDossier::dossier).orElseGet(() -> DossierRecord.empty(code));
            DossierRecord after = change.apply(before);
            if (after == before) {
                return false;
            }
            DossierFacts facts = after.facts();
            Map<TotalsKey, Counts> changes = Contributions.difference(Contributions.of(before.facts()),
                    Contributions.of(facts));
            TotalsDelta pending = changes.isEmpty() ? null : TotalsDelta.of(code, before.version() + 1, changes);
            if (!dossiers.save(after, facts, pending)) {
                continue; // another writer changed this dossier first: read again
            }
            crashPoint.reached("dossier-written");
            if (pending != null) {
                finish(code, pending);
            }
            return true;
        }
        throw new IllegalStateException("dossier " + code + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /** Finishes every delta a crash left behind; run before consuming. Returns how many it finished. */
    public int finishAllPending() {
        int[] finished = {0};
        dossiers.forEachPending((code, delta) -> {
            finish(code, delta);
            finished[0]++;
        });
        return finished[0];
    }

    private void finish(String code, TotalsDelta delta) {
        delta.changes().forEach((key, counts) -> {
            totals.applyOnce(delta.id(), key, counts);
            crashPoint.reached("totals-applied");
        });
        dossiers.clearPending(code, delta.id());
        crashPoint.reached("pending-cleared");
    }
}
