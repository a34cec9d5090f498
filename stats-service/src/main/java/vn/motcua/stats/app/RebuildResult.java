package vn.motcua.stats.app;

import java.util.List;

/** What a rebuild found: each counter whose running total differed from the recomputation. */
public record RebuildResult(long dossiers, long totalsDocuments, boolean dryRun, boolean fixed, long tookMillis,
                            List<Difference> differences) {

    /** {@code receivingUnit}: set only for the dossiers received at another unit's counter. */
    public record Difference(String unit, String procedure, String period, String counter, long running,
                             long recomputed, String receivingUnit) {
    }
}
