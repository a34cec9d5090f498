package vn.motcua.deadline.unit;

import java.util.Set;

/** The unit codes a supervisor asked for: one unit and everything under it, or every unit. */
public record UnitScope(Set<String> codes) {

    public static final UnitScope ALL = new UnitScope(null);

    public boolean isAll() {
        return codes == null;
    }

    public boolean includes(String unitCode) {
        return codes == null || codes.contains(unitCode);
    }
}
