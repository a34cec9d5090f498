package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkCalendarTest {

    private final WorkCalendar calendar = WorkCalendar.vietnam();

    @ParameterizedTest(name = "{0} is closed")
    @ValueSource(strings = {
        // 2022
        "2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04",
        "2022-04-11", "2022-05-02", "2022-05-03", "2022-09-01", "2022-09-02",
        // 2023
        "2023-01-02", "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26",
        "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-04",
        // 2024
        "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
        "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",
    })
    void officialClosedWeekdaysAreNotWorkingDays(LocalDate day) {
        assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(day)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a working day")
    @ValueSource(strings = {
        "2024-05-04", // working Saturday (hoán đổi for Monday 29/4)
        "2022-01-04", "2022-02-07", "2022-04-12", "2022-05-04", "2022-09-05",
        "2023-01-27", // the rules would close it (nghỉ bù Tết); the official schedule closed 20/1 instead
        "2023-01-19", "2023-05-04", "2023-09-05",
        "2024-02-15", // the rules would close it; the 2024 schedule does not
        "2024-04-19", "2024-05-02", "2024-09-04",
    })
    void daysAroundClosuresAreWorkingDays(LocalDate day) {
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @Test
    void ordinaryWeekendsAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 11))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 27))).isFalse();
    }

    @Test
    void firstHalfOf2022HasNineClosedWeekdays() {
        LocalDate from = LocalDate.of(2021, 12, 31);
        LocalDate to = LocalDate.of(2022, 6, 30);
        long weekdays = from.plusDays(1).datesUntil(to.plusDays(1))
                .filter(d -> !LaborCodeHolidays.isWeekend(d)).count();
        assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(weekdays - 9);
        assertThat(calendar.daysOff(2022).stream().filter(d -> d.date().isBefore(LocalDate.of(2022, 7, 1))))
                .hasSize(9);
    }

    @Test
    void laborCodeRulesReproduceTheOfficial2022Schedule() {
        assertThat(WorkCalendar.laborCodeOnly().schedule(2022).closedDates())
                .isEqualTo(calendar.schedule(2022).closedDates());
    }

    @Test
    void tetAcrossAWeekendGetsOneCompensatoryDayPerWeekendHoliday() {
        // Rules only: Tết Giáp Thìn 2024 = Fri 9/2 (eve), Sat 10/2, Sun 11/2, Mon 12/2, Tue 13/2.
        assertThat(WorkCalendar.laborCodeOnly().schedule(2024).closedDates())
                .contains(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13),
                        LocalDate.of(2024, 2, 14), LocalDate.of(2024, 2, 15))
                .doesNotContain(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 16));
    }

    @Test
    void consecutiveWeekendHolidaysAreCompensatedInOrder() {
        // Rules only, 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → Mon 1/5 plus Tue 2/5 and Wed 3/5, as officially.
        assertThat(WorkCalendar.laborCodeOnly().daysOff(2023)).contains(
                new DayOff(LocalDate.of(2023, 5, 1), "Ngày Quốc tế Lao động (1/5)"),
                new DayOff(LocalDate.of(2023, 5, 2), "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                new DayOff(LocalDate.of(2023, 5, 3), "Nghỉ bù Ngày Chiến thắng (30/4)"));
    }

    @ParameterizedTest(name = "2/9/{0} on {1}: adjacent day {2}")
    @CsvSource({
        "2021, THURSDAY, 2021-09-03",
        "2025, TUESDAY, 2025-09-01",
        "2026, WEDNESDAY, 2026-09-03",
        "2030, MONDAY, 2030-09-03",
    })
    void nationalDayAdjacentDayRule(int year, DayOfWeek dow, LocalDate adjacent) {
        WorkCalendar rules = WorkCalendar.laborCodeOnly();
        assertThat(LocalDate.of(year, 9, 2).getDayOfWeek()).isEqualTo(dow);
        assertThat(rules.isWorkingDay(LocalDate.of(year, 9, 2))).isFalse();
        assertThat(rules.isWorkingDay(adjacent)).isFalse();
    }

    @Test
    void yearsWithoutScheduleFollowTheLaborCode() {
        assertThat(calendar.officialSchedule(2027)).isEmpty();
        assertThat(calendar.officialSchedule(2024)).isPresent();
        // Tết Ất Tỵ 2025 (29/1, Wednesday) by the rules alone: 28/1 – 1/2, Saturday 1/2 compensated on Monday 3/2.
        assertThat(WorkCalendar.laborCodeOnly().schedule(2025).closedDates()).contains(
                LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30),
                LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 3));
        assertThat(WorkCalendar.laborCodeOnly().isWorkingDay(LocalDate.of(2025, 2, 4))).isTrue();
        // 1/1/2000 is a Saturday: nghỉ bù Monday 3/1/2000.
        assertThat(calendar.isWorkingDay(LocalDate.of(2000, 1, 3))).isFalse();
        assertThat(WorkCalendar.laborCodeHolidays(2100)).hasSize(11);
    }

    @Test
    void withScheduleReplacesTheYearAndLeavesTheOriginalUntouched() {
        LocalDate saturday = LocalDate.of(2025, 1, 25);
        LocalDate monday = LocalDate.of(2025, 1, 27);
        YearSchedule y2025 = YearSchedule.of(2025, Set.of(monday, LocalDate.of(2025, 1, 28)), Set.of(saturday));
        WorkCalendar changed = calendar.withSchedule(y2025);

        assertThat(changed.isWorkingDay(saturday)).isTrue();
        assertThat(changed.isWorkingDay(monday)).isFalse();
        assertThat(changed.isWorkingDay(LocalDate.of(2025, 1, 29))).isTrue(); // the schedule, not the rules
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 29))).isFalse();
        assertThat(changed.schedule(2025)).isEqualTo(y2025);
        assertThat(changed.withoutSchedule(2025).isWorkingDay(LocalDate.of(2025, 1, 29))).isFalse();
    }

    @Test
    void localDaysOffCloseTheirDates() {
        LocalDaysOff local = ScheduleParser.parseLocalDaysOff("dong-thap.txt", """
                region: DONG_THAP
                closed: 2025-03-12 Ngày truyền thống tỉnh (ví dụ)
                """);
        WorkCalendar withLocal = calendar.withLocalDaysOff(local);
        assertThat(withLocal.isWorkingDay(LocalDate.of(2025, 3, 12))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 12))).isTrue();
        assertThat(withLocal.daysOff(2025)).contains(
                new DayOff(LocalDate.of(2025, 3, 12), "Ngày truyền thống tỉnh (ví dụ) (DONG_THAP)"));
    }

    @Test
    void addWorkingDaysAndBetween() {
        LocalDate friday = LocalDate.of(2022, 1, 28);
        assertThat(calendar.addWorkingDays(friday, 0)).isEqualTo(friday);
        assertThat(calendar.addWorkingDays(LocalDate.of(2022, 1, 29), 0)).isEqualTo(LocalDate.of(2022, 1, 29));
        assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2022, 2, 7));
        assertThat(calendar.nextWorkingDay(friday)).isEqualTo(LocalDate.of(2022, 2, 7));
        assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2022, 2, 9))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2022, 2, 9), friday)).isEqualTo(-3);
        assertThat(calendar.workingDaysBetween(friday, friday)).isZero();
    }

    @Test
    void rejectsDatesOutsideTheSupportedYears() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(1999, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1999-12-31").hasMessageContaining("2000");
        assertThatThrownBy(() -> calendar.schedule(2101))
                .hasMessageContaining("year 2101 is outside the supported range 2000–2100");
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2100, 12, 29), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond 2100-12-31");
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2030, 1, 1), -1))
                .hasMessageContaining("must be >= 0, got -1");
        assertThatThrownBy(() -> calendar.withSchedule(YearSchedule.of(2101, List.of(), List.of())))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("2101");
    }
}
