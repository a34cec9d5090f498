package vn.motcua.deadline.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The unit codes a supervisor asked for: one unit and everything under it, or every unit. */
public record UnitScope(Set<String> codes) {

    public static final UnitScope ALL = new UnitScope(null);

    /** The unit {@code code} and its children, their children and so on. */
    public static UnitScope of(String code, List<Unit> units) {
        Set<String> codes = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(code));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (codes.add(next)) {
                units.stream().filter(unit -> next.equals(unit.parentCode())).forEach(unit -> pending.push(unit.code()));
            }
        }
        return new UnitScope(Set.copyOf(codes));
    }

    public boolean isAll() {
        return codes == null;
    }

    public boolean includes(String unitCode) {
        return codes == null || codes.contains(unitCode);
    }
}
