package vn.motcua.intake.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Orders the units of a tree of any depth so that a parent always comes before its children: by depth, then code. */
public final class ParentsFirst {

    private ParentsFirst() {
    }

    public static <T> List<T> order(Collection<T> units, Function<T, String> code, Function<T, String> parentCode) {
        Map<String, String> parents = new HashMap<>();
        units.forEach(unit -> parents.put(code.apply(unit), parentCode.apply(unit)));
        Map<String, Integer> depths = new HashMap<>();
        units.forEach(unit -> depths.put(code.apply(unit), depth(code.apply(unit), parents)));
        return units.stream()
                .sorted(Comparator.<T>comparingInt(unit -> depths.get(code.apply(unit))).thenComparing(code))
                .toList();
    }

    /** Parents outside the collection end the walk; a cycle (which the API refuses) cannot make it loop. */
    private static int depth(String code, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        int depth = 0;
        String at = parents.get(code);
        while (at != null && parents.containsKey(at) && seen.add(at)) {
            depth++;
            at = parents.get(at);
        }
        return depth;
    }
}
