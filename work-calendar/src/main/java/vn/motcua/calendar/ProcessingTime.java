package vn.motcua.calendar;

import java.util.Objects;

/**
 * A procedure's processing time (thời hạn giải quyết): N working days (N ≥ 0) or H working hours (H > 0).
 */
public record ProcessingTime(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, WORKING_HOURS }

    public ProcessingTime {
        Objects.requireNonNull(unit, "processing time unit is required (WORKING_DAYS or WORKING_HOURS)");
        if (unit == Unit.WORKING_DAYS && amount < 0) {
            throw new IllegalArgumentException("working days N must be >= 0, got " + amount);
        }
        if (unit == Unit.WORKING_HOURS && amount <= 0) {
            throw new IllegalArgumentException("working hours H must be > 0, got " + amount);
        }
    }

    public static ProcessingTime workingDays(int n) {
        return new ProcessingTime(n, Unit.WORKING_DAYS);
    }

    public static ProcessingTime workingHours(int h) {
        return new ProcessingTime(h, Unit.WORKING_HOURS);
    }
}
