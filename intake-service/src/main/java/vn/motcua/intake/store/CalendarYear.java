package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.intake.domain.DayOffRange;
import vn.motcua.intake.domain.VersionedSchedule;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A year changed through intake, by an official schedule entered for it or by the province's own days off in it,
 * and the version of its last change.
 */
@Entity
@Table(name = "calendar_year")
public class CalendarYear extends PanacheEntityBase {

    @Id
    public Integer year;

    /** Grows by one with each committed change, published with it; 0 until the first start published it. */
    @Column(nullable = false)
    public long version;

    /** True once an official schedule was entered for the year; until then it has local days off only. */
    @Column(name = "schedule_entered", nullable = false)
    public boolean scheduleEntered;

    /** A year changed for the first time, written at once: its days refer to it. */
    public static CalendarYear create(int year) {
        CalendarYear created = new CalendarYear();
        created.year = year;
        created.persistAndFlush();
        return created;
    }

    /** Stores the year's schedule in place of the one before, one version up, in the caller's transaction. */
    public VersionedSchedule replace(YearSchedule schedule) {
        version++;
        scheduleEntered = true;
        CalendarDay.replace(schedule);
        return new VersionedSchedule(year, schedule, LocalDayOff.daysIn(year), version);
    }

    /** One version up after its local days off changed, in the caller's transaction: the year's whole new state. */
    public VersionedSchedule localDaysOffChanged() {
        version++;
        return withSchedules(List.of(this)).get(0);
    }

    /** The version of every stored year, as the database holds it now. */
    public static Map<Integer, Long> versions() {
        Map<Integer, Long> versions = new HashMap<>();
        getEntityManager().createQuery("SELECT c.year, c.version FROM CalendarYear c", Object[].class).getResultList()
                .forEach(row -> versions.put((Integer) row[0], (Long) row[1]));
        return versions;
    }

    /** Every stored year with what intake keeps of it, earliest first. */
    public static List<VersionedSchedule> stored() {
        return withSchedules(CalendarYear.listAll());
    }

    /** These years with their stored schedules (which may have no days at all) and local days off, earliest first. */
    public static List<VersionedSchedule> withSchedules(List<CalendarYear> years) {
        Map<Integer, YearSchedule> schedules = CalendarDay.schedules();
        List<DayOffRange> ranges = LocalDayOff.ranges(null);
        return years.stream().sorted(Comparator.comparing(year -> year.year))
                .map(year -> new VersionedSchedule(year.year, !year.scheduleEntered ? null
                        : schedules.getOrDefault(year.year, new YearSchedule(year.year, List.of(), List.of())),
                        DayOffRange.daysIn(year.year, ranges), year.version))
                .toList();
    }
}
