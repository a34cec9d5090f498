package vn.motcua.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A province's own days off (ngày nghỉ của địa phương), added on top of the national calendar: each listed date is
 * closed, whatever the rules or the official schedule say.
 */
public record LocalDaysOff(String region, List<DayOff> days) {

    public LocalDaysOff {
        if (region == null || region.isBlank()) {
            throw new ScheduleFormatException("local days off need a region");
        }
        List<DayOff> sorted = new ArrayList<>(Objects.requireNonNull(days, "days"));
        for (DayOff day : sorted) {
            try {
                SupportedYears.check(Objects.requireNonNull(day, "day off").date());
            } catch (IllegalArgumentException e) {
                throw new ScheduleFormatException("local days off of " + region + ": " + e.getMessage());
            }
        }
        sorted.sort(null);
        days = List.copyOf(sorted);
    }
}
