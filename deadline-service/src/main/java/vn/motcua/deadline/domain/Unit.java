package vn.motcua.deadline.domain;

import vn.motcua.units.UnitTree;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An administrative unit (đơn vị) and the unit it belongs to, null for a root (a province). intake-service owns the
 * catalogue; this service knows the units it has read from the catalogue topic.
 */
public record Unit(String code, String parentCode) {

    /** The suite's one tree walk over these units (a map, since a root's parent is null). */
    public static UnitTree tree(Collection<Unit> units) {
        Map<String, String> parentOf = new HashMap<>();
        units.forEach(unit -> parentOf.put(unit.code(), unit.parentCode()));
        return UnitTree.of(parentOf);
    }
}
