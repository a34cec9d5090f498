package vn.motcua.events;

import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of {@code calendar.changed}: a year's schedule as now in force, whole.
 *
 * @param closedDays       weekdays on which offices close (holidays, days in lieu)
 * @param workingSaturdays Saturdays worked in exchange
 * @param version          grows by one with each committed change of this year, starting at 1
 * @param scheduleEntered  false when no schedule was entered for the year: {@code closedDays} and
 *                         {@code workingSaturdays} then restate the rule that governs it (the shipped schedule or the
 *                         Labour Code), so a reader that ignores this field still counts the same working days.
 *                         Absent in events written before the field existed, which read as true
 * @param localDaysOff     the province's own days off in the year; absent reads as none
 */
public record CalendarData(int year, List<Day> closedDays, List<Day> workingSaturdays, long version,
                           Boolean scheduleEntered, List<Day> localDaysOff) {

    public record Day(LocalDate date, String name) {
    }

    /** A year whose schedule was entered, without local days off. */
    public CalendarData(int year, List<Day> closedDays, List<Day> workingSaturdays, long version) {
        this(year, closedDays, workingSaturdays, version, true, List.of());
    }

    /** Whether {@code closedDays} and {@code workingSaturdays} are a schedule someone entered (absent: yes). */
    public boolean entered() {
        return scheduleEntered == null || scheduleEntered;
    }

    /** The local days off, none when the field is absent. */
    public List<Day> localDaysOffOrNone() {
        return localDaysOff == null ? List.of() : localDaysOff;
    }
}
