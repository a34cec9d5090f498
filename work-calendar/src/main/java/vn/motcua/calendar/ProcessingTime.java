package vn.motcua.calendar;

import java.util.Objects;

/**
 * A procedure's processing time (thời hạn giải quyết): N working days (N ≥ 0), H working hours (H > 0), or D calendar
 * days (D > 0) for procedures whose law counts days (ngày) rather than working days (ngày làm việc).
 */
public record ProcessingTime(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS }

    public ProcessingTime {
        Objects.requireNonNull(unit, "processing time unit is required (WORKING_DAYS, WORKING_HOURS or CALENDAR_DAYS)");
        if (unit == Unit.WORKING_DAYS && amount < 0) {
            throw new IllegalArgumentException("working days N must be >= 0, got " + amount);
        }
        if (unit == Unit.WORKING_HOURS && amount <= 0) {
            throw new IllegalArgumentException("working hours H must be > 0, got " + amount);
        }
        if (unit == Unit.CALENDAR_DAYS && amount <= 0) {
            throw new IllegalArgumentException("calendar days D must be > 0, got " + amount);
        }
    }

    public static ProcessingTime workingDays(int n) {
        return new ProcessingTime(n, Unit.WORKING_DAYS);
    }

    public static ProcessingTime workingHours(int h) {
        return new ProcessingTime(h, Unit.WORKING_HOURS);
    }

    public static ProcessingTime calendarDays(int d) {
        return new ProcessingTime(d, Unit.CALENDAR_DAYS);
    }
}
