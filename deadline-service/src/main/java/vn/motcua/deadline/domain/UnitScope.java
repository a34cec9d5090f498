package vn.motcua.deadline.domain;

import java.util.Set;

/** The unit codes a supervisor's question covers as the tree stands now: one unit and all under it, or every unit. */
public record UnitScope(Set<String> codes) {

    /** Every unit, also codes the catalogue does not know (yet). */
    public static final UnitScope ALL = new UnitScope(null);

    public boolean isAll() {
        return codes == null;
    }
}
