package vn.motcua.devstack.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Working days of 2022 for civil servants (DOMAIN.md): Monday to Friday without the official closures. The demo
 * only uses it to place realistic times; every due date and timeliness is computed by intake-service.
 */
final class WorkCalendar2022 {

    private static final Set<LocalDate> CLOSED = Set.of(
            LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 1, 31), LocalDate.of(2022, 2, 1), LocalDate.of(2022, 2, 2),
            LocalDate.of(2022, 2, 3), LocalDate.of(2022, 2, 4),
            LocalDate.of(2022, 4, 11),
            LocalDate.of(2022, 5, 2), LocalDate.of(2022, 5, 3),
            LocalDate.of(2022, 9, 1), LocalDate.of(2022, 9, 2));

    private WorkCalendar2022() {
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !CLOSED.contains(day);
    }

    /** The working days from {@code first} to {@code last}, both included. */
    static List<LocalDate> workingDays(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).filter(WorkCalendar2022::isWorkingDay).toList();
    }

    static LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    static LocalDate onOrNextWorkingDay(LocalDate day) {
        return isWorkingDay(day) ? day : nextWorkingDay(day);
    }
}
