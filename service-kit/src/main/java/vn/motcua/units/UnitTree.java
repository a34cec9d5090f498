package vn.motcua.units;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units of the catalogue as one service has read them, by code and parent code, of any depth (province →
 * district or city → ward or commune): the one walk of the tree every service uses, up for whose staff see a unit,
 * down for what a unit's staff see.
 *
 * <p>The catalogue topic delivers units in per-key order only, so a reader may see a child before its parent, or,
 * while a move is half read, two units that name each other as parent. Neither breaks a walk: an unknown parent
 * ends the walk up, and every walk visits a unit once. Pure Java, so each service's domain may hold one.
 */
public final class UnitTree {

    private final Map<String, String> parentOf;
    private final Map<String, List<String>> childrenOf = new HashMap<>();

    private UnitTree(Map<String, String> parentOf) {
        this.parentOf = parentOf;
        parentOf.forEach((code, parent) -> {
            if (parent != null) {
                childrenOf.computeIfAbsent(parent, key -> new ArrayList<>()).add(code);
            }
        });
    }

    /** A tree of these units; {@code parentOf} maps each unit's code to its parent's code, or to null for a root. */
    public static UnitTree of(Map<String, String> parentOf) {
        return new UnitTree(new HashMap<>(parentOf));
    }

    /** A unit of the tree, or a code some unit names as its parent (its own record has not come yet). */
    public boolean knows(String code) {
        return parentOf.containsKey(code) || childrenOf.containsKey(code);
    }

    /**
     * The unit {@code code} and every unit above it, nearest first ({@code SADEC-P1} → {@code [SADEC-P1, SADEC]}):
     * whose staff act for it. A code the tree does not know is its own only line.
     */
    public List<String> lineage(String code) {
        Set<String> codes = new LinkedHashSet<>();
        String next = code;
        while (next != null && codes.add(next)) { // up to a root, an unknown parent, or a unit seen before
            next = parentOf.get(next);
        }
        return List.copyOf(codes);
    }

    /** The unit {@code code}, its children, their children and so on. */
    public Set<String> subtree(String code) {
        return subtrees(List.of(code));
    }

    /** Each of {@code roots} and everything under them, each once. */
    public Set<String> subtrees(Collection<String> roots) {
        Set<String> codes = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (codes.add(next)) {
                pending.addAll(childrenOf.getOrDefault(next, List.of()));
            }
        }
        return codes;
    }
}
