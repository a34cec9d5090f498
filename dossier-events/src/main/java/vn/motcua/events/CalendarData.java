package vn.motcua.events;

import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of {@code calendar.changed}: a year's official schedule as now in force, whole.
 *
 * @param closedDays       weekdays on which offices close (holidays, days in lieu)
 * @param workingSaturdays Saturdays worked in exchange
 * @param version          grows by one with each committed change of this year, starting at 1
 */
public record CalendarData(int year, List<Day> closedDays, List<Day> workingSaturdays, long version) {

    public record Day(LocalDate date, String name) {
    }
}
