package vn.motcua.stats.domain;

import java.util.Map;

/**
 * What one change of a dossier adds to the totals: {@link Contributions} after minus before, per totals document,
 * from the change that wrote {@code version} of the dossier. A totals document takes it only once (app.TotalsApplier,
 * docs/architecture.md, "Exactly-once totals").
 */
public record TotalsDelta(String code, long version, Map<TotalsKey, Counts> changes) {

    public TotalsDelta {
        changes = Map.copyOf(changes);
    }

    /** The delta of the change that writes {@code version} of the dossier. */
    public static TotalsDelta of(String code, long version, Map<TotalsKey, Counts> changes) {
        return new TotalsDelta(code, version, changes);
    }

    /** {@code <code>#<version>}: names the delta in the dossier document and in logs. */
    public String id() {
        return id(code, version);
    }

    public static String id(String code, long version) {
        return code + "#" + version;
    }

    /** The inverse of {@link #id()}; the version is what follows the last '#', so a code may hold '#' too. */
    public static TotalsDelta ofId(String id, Map<TotalsKey, Counts> changes) {
        int hash = id.lastIndexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("not a delta id: " + id);
        }
        return new TotalsDelta(id.substring(0, hash), Long.parseLong(id.substring(hash + 1)), changes);
    }
}
