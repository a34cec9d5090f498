package vn.motcua.deadline.domain;

import vn.motcua.units.UnitTree;

import java.util.Collection;
import java.util.Set;

/** The unit codes a supervisor's question covers as the tree stands now: one unit and all under it, or every unit. */
public record UnitScope(Set<String> codes) {

    /** Every unit, also codes the catalogue does not know (yet). */
    public static final UnitScope ALL = new UnitScope(null);

    /** Each of {@code roots} and everything under them in {@code tree}, at any depth. */
    public static UnitScope under(UnitTree tree, Collection<String> roots) {
        return new UnitScope(Set.copyOf(tree.subtrees(roots)));
    }

    public boolean isAll() {
        return codes == null;
    }
}
