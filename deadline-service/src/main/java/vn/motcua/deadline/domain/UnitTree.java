package vn.motcua.deadline.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units as the catalogue stands at one moment: province → district or city → ward or commune, of any depth. A
 * parent unit sees everything under it. Parents may be missing (not yet read from the catalogue) and a move read
 * half-way may leave a cycle for a moment: both are tolerated, each unit is visited once.
 */
public final class UnitTree {

    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, List<String>> childrenOf = new HashMap<>();

    private UnitTree(Collection<Unit> units) {
        for (Unit unit : units) {
            parentOf.put(unit.code(), unit.parentCode());
            if (unit.parentCode() != null) {
                childrenOf.computeIfAbsent(unit.parentCode(), parent -> new ArrayList<>()).add(unit.code());
            }
        }
    }

    public static UnitTree of(Collection<Unit> units) {
        return new UnitTree(units);
    }

    public boolean knows(String code) {
        return parentOf.containsKey(code);
    }

    /** The unit {@code code} and its children, their children and so on. */
    public UnitScope scope(String code) {
        return scope(List.of(code));
    }

    /** Each of {@code roots} and everything under them. */
    public UnitScope scope(Collection<String> roots) {
        Set<String> codes = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (codes.add(next)) {
                pending.addAll(childrenOf.getOrDefault(next, List.of()));
            }
        }
        return new UnitScope(Set.copyOf(codes));
    }

    /**
     * The unit {@code code} and every unit above it: whose supervisors see what happens in it. A code the tree does
     * not know is its own only line.
     */
    public Set<String> lineage(String code) {
        Set<String> codes = new LinkedHashSet<>();
        String next = code;
        while (next != null && codes.add(next)) { // up to a root, an unknown parent, or a unit seen before
            next = parentOf.get(next);
        }
        return codes;
    }
}
