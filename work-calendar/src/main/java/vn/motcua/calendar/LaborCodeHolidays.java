package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public holidays of the Labor Code 2019 (Bộ luật Lao động, Art. 112) and their compensatory days (nghỉ bù,
 * Art. 111(3)), for years without an official schedule.
 *
 * <p>Where the law leaves the choice to the Prime Minister each year, we fix a rule:
 * <ul>
 *   <li>Tết Âm lịch, 5 days: the last day of the old lunar year (ngày cuối năm, 29 or 30 tháng Chạp) and mùng 1–4.</li>
 *   <li>Quốc khánh 2/9 plus one adjacent day: the adjacent day that is a weekday; if both are, the one next to the
 *       weekend (2/9 on Tuesday: 1/9; on Thursday: 3/9); on Wednesday 3/9. This matches 2021–2025.</li>
 *   <li>A holiday on Saturday or Sunday, and the second of two holidays on the same date, is compensated on the
 *       next weekday that is neither a holiday nor already a compensatory day; several such holidays (Tết across a
 *       weekend) give several compensatory days, in order.</li>
 * </ul>
 */
final class LaborCodeHolidays {

    /** The fixed-date holidays, as data: a holiday added by law is a line in this file, not code. */
    static final String FIXED_DATES = "/vn/motcua/calendar/statutory-holidays.txt";
    private static final List<FixedHoliday> FIXED = ScheduleParser.fixedHolidays(FIXED_DATES);

    private LaborCodeHolidays() {
    }

    /** A holiday on the same solar date every year from {@code fromYear} on (the law's own first year, if any). */
    record FixedHoliday(MonthDay date, int fromYear, String name) {

        boolean appliesIn(int year) {
            return year >= fromYear;
        }
    }

    /** The legal holidays of a year, in date order (weekend ones included, before compensation). */
    static List<DayOff> holidays(int year) {
        List<DayOff> days = new ArrayList<>();
        for (FixedHoliday fixed : FIXED) {
            if (fixed.appliesIn(year)) {
                days.add(new DayOff(fixed.date().atYear(year), fixed.name()));
            }
        }

        LocalDate tet = VietnameseLunarCalendar.newYear(year);
        days.add(new DayOff(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        for (int i = 0; i < 4; i++) {
            days.add(new DayOff(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")"));
        }
        days.add(new DayOff(VietnameseLunarCalendar.toSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));

        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        days.add(new DayOff(nationalDayCompanion(nationalDay), "Quốc khánh (ngày liền kề)"));

        days.sort(Comparator.naturalOrder());
        return List.copyOf(days);
    }

    /** The weekdays closed by the rules: holidays that fall on weekdays, then the compensatory days. */
    static SortedMap<LocalDate, String> closedWeekdays(int year) {
        List<DayOff> holidays = holidays(year);
        SortedMap<LocalDate, String> closed = new TreeMap<>();
        List<DayOff> toCompensate = new ArrayList<>();
        for (DayOff holiday : holidays) {
            if (isWeekend(holiday.date()) || closed.containsKey(holiday.date())) {
                toCompensate.add(holiday);
            } else {
                closed.put(holiday.date(), holiday.name());
            }
        }
        for (DayOff holiday : toCompensate) {
            LocalDate day = holiday.date().plusDays(1);
            while (isWeekend(day) || closed.containsKey(day) || isHoliday(holidays, day)) {
                day = day.plusDays(1);
            }
            closed.put(day, "Nghỉ bù " + holiday.name());
        }
        return closed;
    }

    private static LocalDate nationalDayCompanion(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case TUESDAY, FRIDAY, SATURDAY -> nationalDay.minusDays(1);
            default -> nationalDay.plusDays(1);
        };
    }

    private static boolean isHoliday(List<DayOff> holidays, LocalDate day) {
        for (DayOff h : holidays) {
            if (h.date().equals(day)) {
                return true;
            }
        }
        return false;
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
