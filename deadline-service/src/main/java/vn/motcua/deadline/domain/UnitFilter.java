package vn.motcua.deadline.domain;

import java.util.Set;

/**
 * The unit a subscriber asked for, or every unit. It keeps the code, not the units under it, so that it follows the
 * tree as it changes: a ward added or moved under the unit later is covered from then on.
 */
public record UnitFilter(String code) {

    public static final UnitFilter ALL = new UnitFilter(null);

    public boolean isAll() {
        return code == null;
    }

    /**
     * @param lineage an alert's unit and the units above it, as {@link UnitTree#lineage} answers them; ALL needs
     *                none (null is fine), so the tree is read only for filters that name a unit
     */
    public boolean covers(Set<String> lineage) {
        return code == null || lineage.contains(code);
    }
}
