package vn.motcua.stats.domain;

import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every unit's history of dated states, as the catalogue topic last announced it (the highest version of each), and
 * the trees read from it (docs/time-and-counting.md, "Units over time"): the tree of a day, and the tree of a
 * period, by which a report places each unit. Reading the tree of a period from the states in force in it is what
 * keeps a past period's report as it was when units are re-parented or closed later.
 */
public final class UnitHistories {

    private final Map<String, UnitData> units = new HashMap<>();
    private final Set<String> named = new HashSet<>();

    public UnitHistories(Collection<UnitData> units) {
        for (UnitData unit : units) {
            this.units.put(unit.code(), unit);
            named.add(unit.code());
            unit.states().forEach(state -> {
                if (state.parentCode() != null) {
                    named.add(state.parentCode());
                }
            });
        }
    }

    /** A unit of the catalogue, in any state, or a code some state names as its parent. */
    public boolean knows(String code) {
        return named.contains(code);
    }

    /**
     * The tree of {@code day}: every unit that had come into being by then, under the parent of its state in force
     * on that day, with that state's name; a closed unit under its last parent.
     */
    public UnitOutline on(LocalDate day) {
        List<Unit> placed = new ArrayList<>();
        units.values().forEach(unit -> unit.on(day).ifPresent(state -> placed.add(placed(unit, state))));
        return new UnitOutline(placed);
    }

    /**
     * The tree of the period from {@code from} to {@code to}: each unit under the parent of its state on the last
     * day of the period on which it existed, with that state's name. A unit that did not exist on any day of it is
     * not in the tree and is {@linkplain UnitOutline#counts counted nowhere}: not in ALL, not in any subtree.
     */
    public UnitOutline of(LocalDate from, LocalDate to) {
        List<Unit> placed = new ArrayList<>();
        Map<String, String> absent = new HashMap<>();
        units.values().forEach(unit -> {
            Optional<UnitState> state = unit.lastDayWithin(from, to).flatMap(unit::on);
            if (state.isPresent()) {
                placed.add(placed(unit, state.get()));
            } else {
                List<UnitState> states = unit.states();
                absent.put(unit.code(), states.get(states.size() - 1).name());
            }
        });
        return new UnitOutline(placed, absent);
    }

    public UnitOutline of(Period period) {
        return of(period.from(), period.to());
    }

    private static Unit placed(UnitData unit, UnitState state) {
        return new Unit(unit.code(), state.name(), state.parentCode());
    }
}
