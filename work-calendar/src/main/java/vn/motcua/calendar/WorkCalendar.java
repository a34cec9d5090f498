package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The working days of Vietnamese public administration, 2000–2100. Immutable and thread-safe.
 *
 * <p>A day is a working day if it is Monday–Friday and not closed, or a working Saturday. For a year with an official
 * schedule ({@link YearSchedule}) the closed weekdays and working Saturdays are exactly the schedule's; otherwise they
 * are the Labor Code 2019 holidays and compensatory days ({@link #laborCodeHolidays(int)}). A province's own days off
 * ({@link LocalDaysOff}) close their dates on top of either.
 */
public final class WorkCalendar {

    private static final class Vietnam {
        static final WorkCalendar INSTANCE = new WorkCalendar(shippedSchedules(), List.of());
    }

    private final SortedMap<Integer, YearSchedule> officialSchedules;
    private final List<LocalDaysOff> localDaysOff;
    private final WorkingDayIndex index;

    private WorkCalendar(SortedMap<Integer, YearSchedule> officialSchedules, List<LocalDaysOff> localDaysOff) {
        this.officialSchedules = Collections.unmodifiableSortedMap(new TreeMap<>(officialSchedules));
        this.localDaysOff = List.copyOf(localDaysOff);
        this.index = new WorkingDayIndex(SupportedYears.FIRST_DAY, workingFlags());
    }

    /** The Labor Code rules plus the official schedules shipped with the module (2022 to 2026). */
    public static WorkCalendar vietnam() {
        return Vietnam.INSTANCE;
    }

    /** The Labor Code rules alone, without any official schedule. */
    public static WorkCalendar laborCodeOnly() {
        return new WorkCalendar(new TreeMap<>(), List.of());
    }

    /** A calendar in which the given schedule replaces whatever governed its year. */
    public WorkCalendar withSchedule(YearSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        SortedMap<Integer, YearSchedule> schedules = new TreeMap<>(officialSchedules);
        schedules.put(schedule.year(), schedule);
        return new WorkCalendar(schedules, localDaysOff);
    }

    /** A calendar in which the year falls back to the Labor Code rules. */
    public WorkCalendar withoutSchedule(int year) {
        SupportedYears.check(year);
        SortedMap<Integer, YearSchedule> schedules = new TreeMap<>(officialSchedules);
        schedules.remove(year);
        return new WorkCalendar(schedules, localDaysOff);
    }

    /** A calendar with a province's own days off added. */
    public WorkCalendar withLocalDaysOff(LocalDaysOff days) {
        Objects.requireNonNull(days, "days");
        List<LocalDaysOff> all = new ArrayList<>(localDaysOff);
        all.add(days);
        return new WorkCalendar(officialSchedules, all);
    }

    public boolean isWorkingDay(LocalDate date) {
        return index.isWorking(date.toEpochDay());
    }

    /** The first working day strictly after the date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return LocalDate.ofEpochDay(index.nthWorkingDayAfter(date.toEpochDay(), 1));
    }

    /** The n-th working day strictly after start; n = 0 gives start itself, working day or not. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return LocalDate.ofEpochDay(addWorkingDays(start.toEpochDay(), n));
    }

    long addWorkingDays(long startEpochDay, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of working days must be >= 0, got " + n);
        }
        if (n == 0) {
            index.isWorking(startEpochDay); // range check
            return startEpochDay;
        }
        return index.nthWorkingDayAfter(startEpochDay, n);
    }

    boolean isWorkingDay(long epochDay) {
        return index.isWorking(epochDay);
    }

    long nextWorkingDay(long epochDay) {
        return index.nthWorkingDayAfter(epochDay, 1);
    }

    /**
     * The working days d with exclusiveFrom &lt; d ≤ inclusiveTo. Signed: when inclusiveTo is before exclusiveFrom
     * the answer is minus the working days in (inclusiveTo, exclusiveFrom].
     */
    public int workingDaysBetween(LocalDate exclusiveFrom, LocalDate inclusiveTo) {
        return index.workingUpTo(inclusiveTo.toEpochDay()) - index.workingUpTo(exclusiveFrom.toEpochDay());
    }

    /** The weekdays on which offices are closed in a year, with the reason, as this calendar sees them. */
    public List<DayOff> daysOff(int year) {
        SupportedYears.check(year);
        List<DayOff> days = new ArrayList<>();
        closedWeekdays(year).forEach((date, name) -> days.add(new DayOff(date, name)));
        for (LocalDaysOff local : localDaysOff) {
            for (DayOff day : local.days()) {
                if (day.date().getYear() == year && !LaborCodeHolidays.isWeekend(day.date())
                        && days.stream().noneMatch(d -> d.date().equals(day.date()))) {
                    days.add(new DayOff(day.date(), day.name() + " (" + local.region() + ")"));
                }
            }
        }
        days.sort(null);
        return List.copyOf(days);
    }

    /** The legal holidays of the Labor Code 2019 in a year, weekend ones included, before compensation. */
    public static List<DayOff> laborCodeHolidays(int year) {
        return LaborCodeHolidays.holidays(SupportedYears.check(year));
    }

    /**
     * The schedule that governs a year: the official one if there is one, otherwise the one the Labor Code rules
     * give (closed weekdays including compensatory days, no working Saturdays). Local days off are not included.
     */
    public YearSchedule schedule(int year) {
        SupportedYears.check(year);
        YearSchedule official = officialSchedules.get(year);
        if (official != null) {
            return official;
        }
        List<DayOff> closed = new ArrayList<>();
        RuleDays.closedWeekdays(year).forEach((date, name) -> closed.add(new DayOff(date, name)));
        return new YearSchedule(year, closed, List.of());
    }

    /** The official schedule of a year, if this calendar has one. */
    public Optional<YearSchedule> officialSchedule(int year) {
        return Optional.ofNullable(officialSchedules.get(SupportedYears.check(year)));
    }

    private SortedMap<LocalDate, String> closedWeekdays(int year) {
        YearSchedule official = officialSchedules.get(year);
        if (official == null) {
            return RuleDays.closedWeekdays(year);
        }
        SortedMap<LocalDate, String> closed = new TreeMap<>();
        official.closedDays().forEach(d -> closed.put(d.date(), d.name()));
        return closed;
    }

    private boolean[] workingFlags() {
        LocalDate first = SupportedYears.FIRST_DAY;
        boolean[] working = new boolean[(int) (SupportedYears.LAST_DAY.toEpochDay() - first.toEpochDay() + 1)];
        long firstEpochDay = first.toEpochDay();
        for (int i = 0; i < working.length; i++) {
            DayOfWeek dow = first.plusDays(i).getDayOfWeek();
            working[i] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        }
        for (int year = SupportedYears.FIRST; year <= SupportedYears.LAST; year++) {
            for (LocalDate closed : closedWeekdays(year).keySet()) {
                working[(int) (closed.toEpochDay() - firstEpochDay)] = false;
            }
            YearSchedule official = officialSchedules.get(year);
            if (official != null) {
                for (DayOff saturday : official.workingSaturdays()) {
                    working[(int) (saturday.date().toEpochDay() - firstEpochDay)] = true;
                }
            }
        }
        for (LocalDaysOff local : localDaysOff) {
            for (DayOff day : local.days()) {
                working[(int) (day.date().toEpochDay() - firstEpochDay)] = false;
            }
        }
        return working;
    }

    private static SortedMap<Integer, YearSchedule> shippedSchedules() {
        SortedMap<Integer, YearSchedule> schedules = new TreeMap<>();
        for (int year = SupportedYears.FIRST; year <= SupportedYears.LAST; year++) {
            ScheduleParser.shipped(year).ifPresent(s -> schedules.put(s.year(), s));
        }
        return schedules;
    }

    /** The Labor Code closed weekdays of every supported year, computed once (the lunar dates cost a little). */
    private static final class RuleDays {
        private static final List<SortedMap<LocalDate, String>> BY_YEAR = compute();

        static SortedMap<LocalDate, String> closedWeekdays(int year) {
            return BY_YEAR.get(year - SupportedYears.FIRST);
        }

        private static List<SortedMap<LocalDate, String>> compute() {
            List<SortedMap<LocalDate, String>> years = new ArrayList<>();
            for (int year = SupportedYears.FIRST; year <= SupportedYears.LAST; year++) {
                years.add(Collections.unmodifiableSortedMap(LaborCodeHolidays.closedWeekdays(year)));
            }
            return List.copyOf(years);
        }
    }

    @Override
    public String toString() {
        return "WorkCalendar[official schedules " + officialSchedules.keySet() + ", local days off "
                + localDaysOff.stream().map(LocalDaysOff::region).toList() + "]";
    }
}
