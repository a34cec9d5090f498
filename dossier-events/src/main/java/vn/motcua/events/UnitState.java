package vn.motcua.events;

import java.time.LocalDate;

/**
 * One state of a unit over time: what held from {@code effectiveFrom} until the unit's next state.
 *
 * @param effectiveFrom the first day (in Vietnam) it holds; null only on a first state, for a unit that existed
 *                      before any date the suite knows
 * @param name          the unit's name in this state (a closed state repeats the last open one's)
 * @param parentCode    the unit it belongs to in this state; null for a root (a province). A closed state repeats
 *                      the last open one's, so the dissolved unit's history still hangs where it was
 * @param closed        from this day the unit is dissolved into {@code successorCode}
 * @param successorCode on a closed state: the unit that takes over its open dossiers; null otherwise
 */
public record UnitState(LocalDate effectiveFrom, String name, String parentCode, boolean closed,
                        String successorCode) {

    /** An open state. */
    public static UnitState open(LocalDate effectiveFrom, String name, String parentCode) {
        return new UnitState(effectiveFrom, name, parentCode, false, null);
    }

    /** Whether this state holds on {@code day} or began before it. */
    public boolean startedBy(LocalDate day) {
        return effectiveFrom == null || !effectiveFrom.isAfter(day);
    }
}
