package vn.motcua.intake.domain;

import vn.motcua.events.UnitState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every unit's history of states, oldest first (docs/time-and-counting.md, "Units over time"): the state in force on
 * a day, whether a unit exists then, and the tree of a day (every unit that had come into being by then, under the
 * parent of its state in force; a closed unit under its last parent).
 */
public final class UnitTimeline {

    /** Before every date: the day on which only the states "since always" hold. */
    public static final LocalDate ALWAYS = LocalDate.MIN;

    private final Map<String, List<UnitState>> histories;

    private UnitTimeline(Map<String, List<UnitState>> histories) {
        this.histories = histories;
    }

    /** {@code histories}: each unit's states, oldest first. */
    public static UnitTimeline of(Map<String, List<UnitState>> histories) {
        Map<String, List<UnitState>> copy = new HashMap<>();
        histories.forEach((code, states) -> copy.put(code, List.copyOf(states)));
        return new UnitTimeline(copy);
    }

    /** The same timeline with {@code code}'s history replaced: what a change would make of it. */
    public UnitTimeline with(String code, List<UnitState> history) {
        Map<String, List<UnitState>> changed = new HashMap<>(histories);
        changed.put(code, List.copyOf(history));
        return new UnitTimeline(changed);
    }

    public Set<String> codes() {
        return Collections.unmodifiableSet(histories.keySet());
    }

    /** The unit's states, oldest first; empty for a code the catalogue does not hold. */
    public List<UnitState> history(String code) {
        return histories.getOrDefault(code, List.of());
    }

    /** The state in force on {@code day}, open or closed; empty for an unknown unit or before it came into being. */
    public Optional<UnitState> on(String code, LocalDate day) {
        UnitState inForce = null;
        for (UnitState state : history(code)) {
            if (startedBy(state, day)) {
                inForce = state;
            }
        }
        return Optional.ofNullable(inForce);
    }

    public boolean existsOn(String code, LocalDate day) {
        return on(code, day).filter(state -> !state.closed()).isPresent();
    }

    /** The first day the unit exists; empty when it exists since always (or is unknown). */
    public Optional<LocalDate> firstDay(String code) {
        List<UnitState> states = history(code);
        return states.isEmpty() ? Optional.empty() : Optional.ofNullable(states.get(0).effectiveFrom());
    }

    /** The unit's latest state whatever its date, or empty for an unknown unit. */
    public Optional<UnitState> latest(String code) {
        List<UnitState> states = history(code);
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1));
    }

    /** The latest open state: the name and parent a unit is published with. */
    public static Optional<UnitState> latestOpen(List<UnitState> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).closed()) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** The tree of {@code day}: each unit that had come into being by then, with its parent in force (null: root). */
    public Map<String, String> parentsOn(LocalDate day) {
        Map<String, String> parents = new HashMap<>();
        histories.forEach((code, states) -> on(code, day).ifPresent(state -> parents.put(code, state.parentCode())));
        return parents;
    }

    /** The unit and the units above it on {@code day}, nearest first; a cycle cannot make it loop. */
    public List<String> lineageOn(String code, LocalDate day) {
        Map<String, String> parents = parentsOn(day);
        Set<String> codes = new LinkedHashSet<>();
        String next = code;
        while (next != null && codes.add(next)) {
            next = parents.get(next);
        }
        return List.copyOf(codes);
    }

    /** The root above the unit on {@code day} (the province): where a lineage ends. */
    public String rootOn(String code, LocalDate day) {
        List<String> lineage = lineageOn(code, day);
        return lineage.get(lineage.size() - 1);
    }

    /** {@link #ALWAYS} and every day on which some state starts: the days the tree can change. */
    public List<LocalDate> changeDays() {
        Set<LocalDate> days = new TreeSet<>();
        days.add(ALWAYS);
        histories.values().forEach(states -> states.forEach(state -> {
            if (state.effectiveFrom() != null) {
                days.add(state.effectiveFrom());
            }
        }));
        return new ArrayList<>(days);
    }

    /** The first day on which the tree has a cycle through {@code code}, if any. */
    public Optional<LocalDate> firstCycleThrough(String code) {
        for (LocalDate day : changeDays()) {
            Map<String, String> parents = parentsOn(day);
            Set<String> seen = new HashSet<>();
            String next = parents.get(code);
            while (next != null && seen.add(next)) {
                if (next.equals(code)) {
                    return Optional.of(day);
                }
                next = parents.get(next);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code state} holds on {@code day} or began before it; {@link #ALWAYS} sees only "since always". */
    private static boolean startedBy(UnitState state, LocalDate day) {
        return state.effectiveFrom() == null || !day.equals(ALWAYS) && state.startedBy(day);
    }
}
