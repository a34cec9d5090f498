package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.calendar.DayOff;
import vn.motcua.intake.domain.DayOffRange;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A range of the province's own days off, as entered through intake ({@link DayOffRange}). */
@Entity
@Table(name = "local_day_off")
public class LocalDayOff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    @Column(nullable = false)
    public String reason;

    /** Stores a new range in the caller's transaction, written at once so that it has its id. */
    public static DayOffRange add(LocalDate from, LocalDate to, String reason) {
        LocalDayOff row = new LocalDayOff();
        row.firstDay = from;
        row.lastDay = to;
        row.reason = reason;
        row.persistAndFlush();
        return row.range();
    }

    /** Deletes a range in the caller's transaction; empty when there is no such range. */
    public static Optional<DayOffRange> remove(long id) {
        return LocalDayOff.<LocalDayOff>findByIdOptional(id).map(row -> {
            row.delete();
            return row.range();
        });
    }

    public static Optional<DayOffRange> find(long id) {
        return LocalDayOff.<LocalDayOff>findByIdOptional(id).map(LocalDayOff::range);
    }

    /** Every range, or those touching a year, by first day. */
    public static List<DayOffRange> ranges(Integer year) {
        List<LocalDayOff> rows = year == null ? listAll(Sort.by("firstDay").and("id"))
                : list("firstDay <= ?1 AND lastDay >= ?2 ORDER BY firstDay, id",
                        LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1));
        return rows.stream().map(LocalDayOff::range).toList();
    }

    /** The days off of a year, one per date ({@link DayOffRange#daysIn}). */
    static List<DayOff> daysIn(int year) {
        return DayOffRange.daysIn(year, ranges(year));
    }

    private DayOffRange range() {
        return new DayOffRange(id, firstDay, lastDay, reason);
    }
}
