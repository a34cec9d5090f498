package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.intake.domain.VersionedSchedule;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A year whose official schedule was entered through intake, and the version of its last change. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear extends PanacheEntityBase {

    @Id
    public Integer year;

    /** Grows by one with each committed change, published with it; 0 until the first start published it. */
    @Column(nullable = false)
    public long version;

    /** A year entered for the first time, written at once: its days refer to it. */
    public static CalendarYear create(int year) {
        CalendarYear created = new CalendarYear();
        created.year = year;
        created.persistAndFlush();
        return created;
    }

    /** Stores the year's schedule in place of the one before, one version up, in the caller's transaction. */
    public VersionedSchedule replace(YearSchedule schedule) {
        version++;
        CalendarDay.replace(schedule);
        return new VersionedSchedule(schedule, version);
    }

    /** Every stored year with its schedule (which may have no days at all), earliest first. */
    public static List<VersionedSchedule> stored() {
        return withSchedules(CalendarYear.listAll());
    }

    /** These years with their stored schedules, earliest first. */
    public static List<VersionedSchedule> withSchedules(List<CalendarYear> years) {
        Map<Integer, YearSchedule> schedules = CalendarDay.schedules();
        return years.stream().sorted(Comparator.comparing(year -> year.year))
                .map(year -> new VersionedSchedule(schedules.getOrDefault(year.year,
                        new YearSchedule(year.year, List.of(), List.of())), year.version))
                .toList();
    }
}
