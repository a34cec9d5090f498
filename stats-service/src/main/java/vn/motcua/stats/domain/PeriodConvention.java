package vn.motcua.stats.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How a named period ({@code 2022-H1}) maps to dates (docs/time-and-counting.md, "Periods"): by the calendar, or
 * by the cut-off on the 15th used by some authorities, which runs from the 15th of the month before the calendar
 * period to the 14th of its last month ({@code 2022-H1} = 15/12/2021–14/6/2022). Totals are kept for both, the
 * cut-off periods under ids with the suffix {@code .c15}.
 */
public enum PeriodConvention {
    CALENDAR(null, ""),
    CUTOFF_15(15, ".c15");

    private final Integer cutoffDay;
    private final String suffix;

    PeriodConvention(Integer cutoffDay, String suffix) {
        this.cutoffDay = cutoffDay;
        this.suffix = suffix;
    }

    /** "15", or "calendar" / "0" for the calendar periods; empty for anything else. */
    public static Optional<PeriodConvention> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim()) {
            case "15" -> Optional.of(CUTOFF_15);
            case "calendar", "0" -> Optional.of(CALENDAR);
            default -> Optional.empty();
        };
    }

    /** The day of the month a period starts on; null for calendar periods. */
    public Integer cutoffDay() {
        return cutoffDay;
    }

    public String suffix() {
        return suffix;
    }

    LocalDate from(LocalDate calendarFrom) {
        return cutoffDay == null ? calendarFrom : calendarFrom.minusMonths(1).withDayOfMonth(cutoffDay);
    }

    LocalDate to(LocalDate calendarTo) {
        return cutoffDay == null ? calendarTo : calendarTo.withDayOfMonth(cutoffDay - 1);
    }
}
