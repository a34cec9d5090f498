package vn.motcua.deadline.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The units a subscriber may see, or every unit. It keeps the codes, not the units under them, so that it follows
 * the tree as it changes: a ward added or moved under one of them later is covered from then on. A supervisor of
 * several units who names none gets all of them.
 */
public record UnitFilter(Set<String> codes) {

    public static final UnitFilter ALL = new UnitFilter((Set<String>) null);

    public UnitFilter {
        codes = codes == null ? null : Set.copyOf(codes);
    }

    public UnitFilter(String code) {
        this(Set.of(code));
    }

    public static UnitFilter of(Collection<String> codes) {
        return new UnitFilter(Set.copyOf(codes));
    }

    public boolean isAll() {
        return codes == null;
    }

    /**
     * @param lineage an alert's unit and the units above it, as {@link vn.motcua.units.UnitTree#lineage} answers
     *                them; ALL needs none (null is fine), so the tree is read only for filters that name a unit
     */
    public boolean covers(Collection<String> lineage) {
        return codes == null || lineage.stream().anyMatch(codes::contains);
    }
}
