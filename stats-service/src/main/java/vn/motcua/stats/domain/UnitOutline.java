package vn.motcua.stats.domain;

import vn.motcua.units.UnitTree;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The units as a report lists them, at one read: names, siblings in Vietnamese order, every unit once in pre-order
 * with its depth. Built afresh for every report from the units' histories ({@link UnitHistories}): the tree of a day,
 * or of the report's period, with the codes of the catalogue that had no place in that period ({@link #counts}).
 * Which codes a unit covers is the suite's one walk ({@link UnitTree}); only the listing is the report's own.
 *
 * <p>The catalogue topic delivers units in per-key order only, so a reader may see a child before its parent, or
 * (for a moment, while a move is half read) two units that name each other as parent. Neither breaks the listing: a
 * unit whose parent is not known stands as a root, and every unit is listed once.
 */
public final class UnitOutline {

    /** Siblings as a person looks for them: by name in Vietnamese order (Đ after D), then by code. */
    private static final Comparator<Unit> SIBLINGS = Comparator
            .comparing(Unit::name, Collator.getInstance(Locale.forLanguageTag("vi-VN")))
            .thenComparing(Unit::code);

    private final Map<String, Unit> units = new HashMap<>();
    private final List<Unit> sorted;
    private final Map<String, List<Unit>> children = new HashMap<>();
    private final UnitTree tree;
    private final Map<String, String> absent;

    public UnitOutline(Collection<Unit> units) {
        this(units, Map.of());
    }

    /**
     * {@code absent}: the units of the catalogue that did not exist in the period this outline is of, with their
     * last names (a dossier received at a closed unit's counter still names its row).
     */
    public UnitOutline(Collection<Unit> units, Map<String, String> absent) {
        this.absent = Map.copyOf(absent);
        Map<String, String> parentOf = new HashMap<>();
        units.forEach(unit -> {
            this.units.put(unit.code(), unit);
            parentOf.put(unit.code(), unit.parentCode());
        });
        this.tree = UnitTree.of(parentOf);
        this.sorted = this.units.values().stream().sorted(SIBLINGS).toList();
        for (Unit unit : sorted) { // in sibling order, so every child list is sorted
            if (unit.parentCode() != null) {
                children.computeIfAbsent(unit.parentCode(), parent -> new ArrayList<>()).add(unit);
            }
        }
    }

    /** A unit and how far below a root it stands (0 = a root). */
    public record Placed(Unit unit, int depth) {
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public String nameOf(String code) {
        return find(code).map(Unit::name).orElse(absent.getOrDefault(code, code));
    }

    /** A unit of the outline, or a code a unit names as its parent (its own event has not come yet). */
    public boolean knows(String code) {
        return tree.knows(code);
    }

    /**
     * Whether totals of this code count in the outline's period: every code but the catalogue's units that did not
     * exist in it (a code with totals and no catalogue entry counts, as a root).
     */
    public boolean counts(String code) {
        return !absent.containsKey(code);
    }

    /** The code and every code below it, at any depth. */
    public Set<String> subtree(String code) {
        return tree.subtree(code);
    }

    /**
     * Every unit once, in pre-order: each root, then its children, each followed by its own; siblings by name
     * (Vietnamese order), then code. Roots are the units without a parent or whose parent is not known; units caught
     * in a cycle follow, each as a root.
     */
    public List<Placed> inOrder() {
        List<Placed> result = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        sorted.stream().filter(unit -> unit.parentCode() == null || !units.containsKey(unit.parentCode()))
                .forEach(root -> walk(root, 0, visited, result));
        sorted.forEach(unit -> walk(unit, 0, visited, result));
        return result;
    }

    private void walk(Unit unit, int depth, Set<String> visited, List<Placed> into) {
        if (!visited.add(unit.code())) {
            return;
        }
        into.add(new Placed(unit, depth));
        children.getOrDefault(unit.code(), List.of()).forEach(child -> walk(child, depth + 1, visited, into));
    }

    /** The codes in outline order; codes the outline does not hold follow, alphabetically. */
    public List<String> ordered(Collection<String> codes) {
        List<String> result = new ArrayList<>();
        inOrder().stream().map(placed -> placed.unit().code()).filter(codes::contains).forEach(result::add);
        codes.stream().filter(code -> !units.containsKey(code)).sorted().forEach(result::add);
        return result;
    }
}
