package vn.motcua.intake.domain;

import vn.motcua.calendar.DayOff;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A range of the province's own days off (ngày nghỉ của địa phương) as an administrator entered it: every date from
 * {@code from} to {@code to}, both included, is closed, whatever the national calendar says.
 */
public record DayOffRange(long id, LocalDate from, LocalDate to, String reason) {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    /** A typo in a year must not close decades; a longer closure is entered as several ranges. */
    public static final int MAX_DAYS = 90;
    public static final int MAX_REASON = 200;

    public DayOffRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("day off range " + from + " – " + to + " ends before it starts");
        }
    }

    /** The days in the range, counted inclusively. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The years the range touches: each of them is changed, and published, with it. */
    public List<Integer> years() {
        return IntStream.rangeClosed(from.getYear(), to.getYear()).boxed().toList();
    }

    public boolean touches(int year) {
        return from.getYear() <= year && to.getYear() >= year;
    }

    /**
     * The days off of a year from these ranges, one per date, sorted; where ranges overlap, the reason of the one
     * entered first (lowest id).
     */
    public static List<DayOff> daysIn(int year, Collection<DayOffRange> ranges) {
        TreeMap<LocalDate, DayOff> days = new TreeMap<>();
        ranges.stream().filter(range -> range.touches(year)).sorted(Comparator.comparingLong(DayOffRange::id))
                .forEach(range -> range.from.datesUntil(range.to.plusDays(1))
                        .filter(date -> date.getYear() == year)
                        .forEach(date -> days.putIfAbsent(date, new DayOff(date, range.reason))));
        return List.copyOf(days.values());
    }
}
