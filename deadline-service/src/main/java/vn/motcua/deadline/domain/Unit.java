package vn.motcua.deadline.domain;

import vn.motcua.events.UnitState;
import vn.motcua.units.UnitTree;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An administrative unit (đơn vị) over time: its states, oldest first, each naming the unit it belongs to (null for a
 * root, a province) from its {@code effectiveFrom} (docs/time-and-counting.md, "Units over time"). intake-service owns
 * the catalogue; this service knows the units it has read from the catalogue topic.
 */
public record Unit(String code, List<UnitState> states) {

    public Unit {
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("unit " + code + " has no state");
        }
    }

    /** A unit that has belonged to {@code parentCode} since always (catalogue events before units had dates). */
    public static Unit sinceAlways(String code, String parentCode) {
        return new Unit(code, List.of(UnitState.open(null, code, parentCode)));
    }

    /** The state in force on {@code day}, open or closed; empty before the unit came into being. */
    public Optional<UnitState> on(LocalDate day) {
        UnitState inForce = null;
        for (UnitState state : states) {
            if (state.startedBy(day)) {
                inForce = state;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /**
     * The tree of {@code day}, the suite's one tree walk over it: every unit that had come into being by then, under
     * the parent of its state in force that day. A closed unit stays under its last parent, so its dossiers not yet
     * moved are still seen above it; a unit not yet in being has no place, so a move entered ahead of its date
     * changes nothing until that day comes.
     */
    public static UnitTree tree(Collection<Unit> units, LocalDate day) {
        Map<String, String> parentOf = new HashMap<>(); // a map, since a root's parent is null
        units.forEach(unit -> unit.on(day).ifPresent(state -> parentOf.put(unit.code(), state.parentCode())));
        return UnitTree.of(parentOf);
    }
}
