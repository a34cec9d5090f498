package vn.motcua.intake.calendar;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.intake.time.ClockProducer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The deadline calculator in force: the Vietnamese calendar with the shipped schedules, overlaid with the years an
 * administrator entered. It is immutable and swapped whole when a year changes, so requests never see half of one.
 */
@Startup
@ApplicationScoped
public class CalendarService {

    private volatile DeadlineCalculator calculator;

    @PostConstruct
    void load() {
        reload();
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    /** Rebuilds from the stored schedules; called at start and after a year is replaced. */
    @Transactional
    public void reload() {
        Map<Integer, List<CalendarDay>> byYear = CalendarDay.<CalendarDay>listAll().stream()
                .collect(Collectors.groupingBy(day -> day.year, TreeMap::new, Collectors.toList()));
        WorkCalendar calendar = WorkCalendar.vietnam();
        for (Map.Entry<Integer, List<CalendarDay>> year : byYear.entrySet()) {
            calendar = calendar.withSchedule(toSchedule(year.getKey(), year.getValue()));
        }
        calculator = new DeadlineCalculator(calendar, OfficeHours.standard(), ClockProducer.VIETNAM);
    }

    /** Stores a year's schedule in place of the one before; the caller reloads once the transaction commits. */
    @Transactional
    public void replace(YearSchedule schedule) {
        CalendarDay.delete("year", schedule.year());
        schedule.closedDays().forEach(day -> store(schedule.year(), day, CalendarDay.CLOSED));
        schedule.workingSaturdays().forEach(day -> store(schedule.year(), day, CalendarDay.WORKING_SATURDAY));
    }

    private static void store(int year, DayOff day, String kind) {
        CalendarDay row = new CalendarDay();
        row.year = year;
        row.day = day.date();
        row.kind = kind;
        row.name = day.name() == null ? "" : day.name();
        row.persist();
    }

    private static YearSchedule toSchedule(int year, List<CalendarDay> days) {
        return new YearSchedule(year, daysOf(days, CalendarDay.CLOSED), daysOf(days, CalendarDay.WORKING_SATURDAY));
    }

    private static List<DayOff> daysOf(List<CalendarDay> days, String kind) {
        return days.stream().filter(day -> day.kind.equals(kind)).map(day -> new DayOff(day.day, day.name)).toList();
    }
}
