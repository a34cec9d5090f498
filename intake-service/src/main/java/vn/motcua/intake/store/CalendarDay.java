package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.YearSchedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One day of a year's official schedule, as an administrator entered it (the year is a {@link CalendarYear}). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    static final String CLOSED = "CLOSED";
    static final String WORKING_SATURDAY = "WORKING_SATURDAY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name = "";

    /** The schedule of every year that has days stored, by year; a year without days is in {@link CalendarYear}. */
    static Map<Integer, YearSchedule> schedules() {
        Map<Integer, List<CalendarDay>> byYear = CalendarDay.<CalendarDay>listAll().stream()
                .collect(Collectors.groupingBy(day -> day.year));
        return byYear.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                year -> new YearSchedule(year.getKey(), daysOf(year.getValue(), CLOSED),
                        daysOf(year.getValue(), WORKING_SATURDAY))));
    }

    /** Stores a year's days in place of the ones before, in the caller's transaction (see {@link CalendarYear}). */
    static void replace(YearSchedule schedule) {
        delete("year", schedule.year());
        schedule.closedDays().forEach(day -> store(schedule.year(), day, CLOSED));
        schedule.workingSaturdays().forEach(day -> store(schedule.year(), day, WORKING_SATURDAY));
    }

    private static void store(int year, DayOff day, String kind) {
        CalendarDay row = new CalendarDay();
        row.year = year;
        row.day = day.date();
        row.kind = kind;
        row.name = day.name() == null ? "" : day.name();
        row.persist();
    }

    private static List<DayOff> daysOf(List<CalendarDay> days, String kind) {
        return days.stream().filter(day -> day.kind.equals(kind)).map(day -> new DayOff(day.day, day.name)).toList();
    }
}
