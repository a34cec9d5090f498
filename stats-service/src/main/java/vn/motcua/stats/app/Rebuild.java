package vn.motcua.stats.app;

import vn.motcua.stats.domain.Contributions;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes every (unit, procedure, period) total from the per-dossier projection with the same pure
 * {@link Contributions} function, compares with the running totals, and (unless a dry run) corrects them by $inc
 * of the difference. Run it while the consumer is quiet: a delta applied between the two reads shows up as a
 * difference that is not one. On the generation being served ({@link GenerationGraph#rebuild}); a rebuild from the
 * topics is {@link Generations#startBuilding}.
 */
public final class Rebuild {

    private final DossierProjector projector;
    private final DossierStore dossiers;
    private final TotalsStore totals;

    public Rebuild(DossierProjector projector, DossierStore dossiers, TotalsStore totals) {
        this.projector = projector;
        this.dossiers = dossiers;
        this.totals = totals;
    }

    public RebuildResult run(boolean dryRun) {
        long started = System.nanoTime();
        Map<TotalsKey, Counts> recomputed = new HashMap<>();
        long[] count = {0};
        projector.finishAllPending(); // a delta left by a crash is part of the running totals
        dossiers.forEachDossier(dossier -> {
            count[0]++;
            Contributions.of(dossier.facts()).forEach((key, counts) ->
                    recomputed.computeIfAbsent(key, k -> new Counts()).addAll(counts));
        });
        Map<TotalsKey, Counts> running = totals.all();
        Set<TotalsKey> keys = new HashSet<>(recomputed.keySet());
        keys.addAll(running.keySet());
        List<RebuildResult.Difference> differences = new ArrayList<>();
        for (TotalsKey key : keys) {
            Counts expected = recomputed.getOrDefault(key, new Counts());
            Counts actual = running.getOrDefault(key, new Counts());
            Counts fix = expected.copy().subtractAll(actual);
            if (fix.isEmpty()) {
                continue;
            }
            for (Counter counter : fix.asMap().keySet()) {
                differences.add(new RebuildResult.Difference(key.unit(), key.procedure(), key.period(), counter.field(),
                        actual.get(counter), expected.get(counter), key.receivingUnit()));
            }
            if (!dryRun) {
                totals.adjust(key, fix);
            }
        }
        differences.sort(Comparator.comparing(RebuildResult.Difference::period)
                .thenComparing(RebuildResult.Difference::unit).thenComparing(RebuildResult.Difference::counter));
        return new RebuildResult(count[0], keys.size(), dryRun, !dryRun && !differences.isEmpty(),
                (System.nanoTime() - started) / 1_000_000, differences);
    }
}
