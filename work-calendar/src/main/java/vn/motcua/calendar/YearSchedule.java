package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The official schedule of a year (lịch nghỉ của cán bộ, công chức do Thủ tướng quyết định): the weekdays on which
 * offices close and the Saturdays on which they work (hoán đổi ngày làm việc). For a year with a schedule the working
 * days are exactly Monday–Friday minus {@code closedDays} plus {@code workingSaturdays}; the Labor Code rules are not
 * used for that year.
 *
 * <p>Services can build one from their own data (e.g. {@code PUT /api/calendar/{year}}) and install it with
 * {@link WorkCalendar#withSchedule(YearSchedule)}; the shipped ones are read by {@link ScheduleParser}.
 *
 * @param closedDays       weekdays (Monday–Friday) of the year, sorted, one per date
 * @param workingSaturdays Saturdays of the year, sorted, one per date
 */
public record YearSchedule(int year, List<DayOff> closedDays, List<DayOff> workingSaturdays) {

    public YearSchedule {
        try {
            SupportedYears.check(year);
        } catch (IllegalArgumentException e) {
            throw new ScheduleFormatException("schedule: " + e.getMessage());
        }
        closedDays = sortedCopy(year, closedDays, "closed day");
        workingSaturdays = sortedCopy(year, workingSaturdays, "working Saturday");
        for (DayOff day : closedDays) {
            DayOfWeek dow = day.date().getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                throw new ScheduleFormatException("schedule " + year + ": closed day " + day.date() + " is a " + dow
                        + "; list only the weekdays (Monday–Friday) on which offices close");
            }
        }
        for (DayOff day : workingSaturdays) {
            if (day.date().getDayOfWeek() != DayOfWeek.SATURDAY) {
                throw new ScheduleFormatException("schedule " + year + ": working Saturday " + day.date()
                        + " is a " + day.date().getDayOfWeek());
            }
        }
    }

    /** A schedule without names, from plain dates. */
    public static YearSchedule of(int year, Collection<LocalDate> closedDays, Collection<LocalDate> workingSaturdays) {
        return new YearSchedule(year, unnamed(closedDays), unnamed(workingSaturdays));
    }

    public SortedSet<LocalDate> closedDates() {
        return dates(closedDays);
    }

    public SortedSet<LocalDate> workingSaturdayDates() {
        return dates(workingSaturdays);
    }

    private static List<DayOff> sortedCopy(int year, List<DayOff> days, String what) {
        Objects.requireNonNull(days, what + "s");
        List<DayOff> sorted = new ArrayList<>(days);
        for (DayOff day : sorted) {
            Objects.requireNonNull(day, what);
            if (day.date().getYear() != year) {
                throw new ScheduleFormatException("schedule " + year + ": " + what + " " + day.date()
                        + " is not in " + year);
            }
        }
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new ScheduleFormatException("schedule " + year + ": " + what + " " + sorted.get(i).date()
                        + " is listed twice");
            }
        }
        return List.copyOf(sorted);
    }

    private static List<DayOff> unnamed(Collection<LocalDate> dates) {
        List<DayOff> days = new ArrayList<>();
        for (LocalDate d : Objects.requireNonNull(dates, "dates")) {
            days.add(new DayOff(d, ""));
        }
        return days;
    }

    private static SortedSet<LocalDate> dates(List<DayOff> days) {
        SortedSet<LocalDate> set = new TreeSet<>();
        days.forEach(d -> set.add(d.date()));
        return Collections.unmodifiableSortedSet(set);
    }
}
