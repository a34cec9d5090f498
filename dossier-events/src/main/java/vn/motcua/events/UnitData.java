package vn.motcua.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code data} of {@code unit.changed}: the unit's whole history (đơn vị: province, district or city, ward or
 * commune). A reader keeps, per code, the history of the highest {@code version} it has seen.
 *
 * @param name       the name of its latest open state
 * @param parentCode the parent of its latest open state; null for a root (a province)
 * @param version    grows by one with each committed change of this unit, starting at 1
 * @param history    its states, oldest first, by {@code effectiveFrom}; absent in events of producers before units
 *                   had dates: then {@code name} and {@code parentCode} held always ({@link #states()})
 */
public record UnitData(String code, String name, String parentCode, long version, List<UnitState> history) {

    /** A unit with one state that holds since always (producers before units had dates, tests). */
    public UnitData(String code, String name, String parentCode, long version) {
        this(code, name, parentCode, version, null);
    }

    /** Its states, oldest first; one state since always when the event carries no history. */
    @JsonIgnore
    public List<UnitState> states() {
        return history == null || history.isEmpty() ? List.of(UnitState.open(null, name, parentCode)) : history;
    }

    /** The state in force on {@code day}, open or closed; empty before the unit came into being. */
    public Optional<UnitState> on(LocalDate day) {
        UnitState inForce = null;
        for (UnitState state : states()) {
            if (state.startedBy(day)) {
                inForce = state;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** Whether the unit existed on {@code day}: it had come into being and was not dissolved. */
    public boolean existsOn(LocalDate day) {
        return on(day).filter(state -> !state.closed()).isPresent();
    }

    /**
     * The last day from {@code from} to {@code to} (both inclusive) on which the unit existed: where a period's
     * report places it (docs/time-and-counting.md, "Units over time"); empty if it did not exist in those days.
     */
    public Optional<LocalDate> lastDayWithin(LocalDate from, LocalDate to) {
        LocalDate candidate = to;
        List<UnitState> states = states();
        for (int i = states.size() - 1; i >= 0 && !candidate.isBefore(from); i--) {
            UnitState state = states.get(i);
            if (!state.startedBy(candidate)) {
                continue;
            }
            if (!state.closed()) {
                return Optional.of(candidate);
            }
            if (state.effectiveFrom() == null) {
                return Optional.empty();
            }
            candidate = state.effectiveFrom().minusDays(1); // the day before it closed
        }
        return Optional.empty();
    }
}
