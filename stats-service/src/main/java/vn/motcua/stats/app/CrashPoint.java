package vn.motcua.stats.app;

/**
 * A test hook between two steps of the exactly-once protocol. Production uses {@link #NONE}; the crash tests throw
 * from here to stop the process at that point, as a kill would, and the race tests let another writer in.
 */
@FunctionalInterface
public interface CrashPoint {

    CrashPoint NONE = where -> {
    };

    /** One dossier written with its pending delta; no totals document has it yet. */
    String DOSSIER_WRITTEN = "dossier-written";
    /** One totals document took a delta; the others of the delta may not have yet. */
    String TOTALS_APPLIED = "totals-applied";
    /** A delta finished and cleared. */
    String PENDING_CLEARED = "pending-cleared";
    /** A batch's dossiers read, nothing written yet: another writer may change them now. */
    String BATCH_DOSSIERS_READ = "batch-dossiers-read";
    /** A batch's dossiers written with their pending deltas, before any totals document took them. */
    String BATCH_DOSSIERS_WRITTEN = "batch-dossiers-written";
    /** A batch's summed updates done (and the one-by-one fallbacks); the pending deltas are still there. */
    String BATCH_TOTALS_APPLIED = "batch-totals-applied";
    /** A batch's pending deltas cleared; the dossiers that lost their guarded write are not redone yet. */
    String BATCH_PENDING_CLEARED = "batch-pending-cleared";

    void reached(String where);
}
