package vn.motcua.stats.domain;

import java.util.Map;

/**
 * What one change of a dossier adds to the totals: {@link Contributions} after minus before, per totals document.
 * Its id ({@code <code>#<version>}) is what each totals document remembers so that it takes the delta only once.
 */
public record TotalsDelta(String id, Map<TotalsKey, Counts> changes) {

    public TotalsDelta {
        changes = Map.copyOf(changes);
    }

    /** The delta of the change that writes {@code version} of the dossier. */
    public static TotalsDelta of(String code, long version, Map<TotalsKey, Counts> changes) {
        return new TotalsDelta(code + "#" + version, changes);
    }
}
