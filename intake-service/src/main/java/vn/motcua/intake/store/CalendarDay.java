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
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One day of a year's official schedule, as an administrator entered it. */
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

    /** Every stored year's schedule, earliest year first. */
    public static List<YearSchedule> schedules() {
        Map<Integer, List<CalendarDay>> byYear = CalendarDay.<CalendarDay>listAll().stream()
                .collect(Collectors.groupingBy(day -> day.year, TreeMap::new, Collectors.toList()));
        return byYear.entrySet().stream()
                .map(year -> new YearSchedule(year.getKey(), daysOf(year.getValue(), CLOSED),
                        daysOf(year.getValue(), WORKING_SATURDAY)))
                .toList();
    }

    /** Stores a year's schedule in place of the one before, in the caller's transaction. */
    public static void replace(YearSchedule schedule) {
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
