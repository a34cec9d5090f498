package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleParserTest {

    @Test
    void shippedSchedulesMatchDomainTable() {
        assertThat(ScheduleParser.shipped(2022).orElseThrow().closedDays()).hasSize(11);
        assertThat(ScheduleParser.shipped(2023).orElseThrow().closedDays()).hasSize(11);
        YearSchedule y2024 = ScheduleParser.shipped(2024).orElseThrow();
        assertThat(y2024.closedDays()).hasSize(12);
        assertThat(y2024.workingSaturdayDates()).containsExactly(LocalDate.of(2024, 5, 4));
        assertThat(ScheduleParser.shipped(2025).orElseThrow().closedDays()).hasSize(12); // 11 and Fri 2/5 swapped
        assertThat(ScheduleParser.shipped(2025).orElseThrow().workingSaturdayDates())
                .containsExactly(LocalDate.of(2025, 4, 26));
        assertThat(ScheduleParser.shipped(2026).orElseThrow().closedDays()).hasSize(13); // 11 and two swapped
        assertThat(ScheduleParser.shipped(2026).orElseThrow().workingSaturdayDates())
                .containsExactly(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 8, 22));
        assertThat(ScheduleParser.shipped(2027)).isEmpty();
    }

    @Test
    void rangeClosesOnlyItsWeekdaysAndKeepsNames() {
        YearSchedule s = ScheduleParser.parseYearSchedule("test", """
                # comment
                year: 2024

                closed: 2024-02-08..2024-02-14 Tết Giáp Thìn   # trailing comment
                working-saturday: 2024-05-04
                """);
        assertThat(s.closedDates()).containsExactly(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9),
                LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13), LocalDate.of(2024, 2, 14));
        assertThat(s.closedDays().get(0).name()).isEqualTo("Tết Giáp Thìn");
        assertThat(s.workingSaturdays().get(0).name()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "closed: 2024-01-01|missing 'year: YYYY' line",
        "year: 2024\\nclosed 2024-01-01|line 2: expected 'key: value'",
        "year: 2024\\nclose: 2024-01-01|line 2: unknown key 'close'",
        "year: 2024\\nclosed: 2024-13-01|line 2: '2024-13-01' is not a date",
        "year: 2024\\nclosed: 1/1/2024|line 2: '1/1/2024' is not a date",
        "year: 2024\\nclosed: 2024-01-06|line 2: 2024-01-06 is a SATURDAY",
        "year: 2024\\nclosed: 2023-12-29|line 2: date not in the schedule's year 2024",
        "year: 2024\\nclosed: 2024-02-14..2024-02-08|line 2: range 2024-02-14..2024-02-08 ends before it starts",
        "year: 2024\\nworking-saturday: 2024-05-03|line 2: 2024-05-03 is a FRIDAY, not a Saturday",
        "year: 2024\\nclosed: 2024-01-01\\nclosed: 2024-01-01|closed day 2024-01-01 is listed twice",
        "year: 2101|line 1: year 2101 is outside the supported range 2000–2100",
        "year: two thousand|line 1: year 'two thousand' is not a number",
        "year: 2024\\nyear: 2024|line 2: year is given twice",
        "year: 2024\\nclosed:|line 2: closed needs a date",
    })
    void malformedFilesAreRejectedWithTheFault(String text, String message) {
        assertThatThrownBy(() -> ScheduleParser.parseYearSchedule("bad.txt", text.replace("\\n", "\n")))
                .isInstanceOf(ScheduleFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.txt")
                .hasMessageContaining(message);
    }

    @Test
    void localDaysOffNeedARegion() {
        assertThatThrownBy(() -> ScheduleParser.parseLocalDaysOff("local.txt", "closed: 2025-03-12"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("missing 'region: NAME' line");
        assertThatThrownBy(() -> ScheduleParser.parseLocalDaysOff("local.txt", "region: X\nclosed: 2101-01-02"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("outside the supported range");
    }

    @Test
    void schedulesBuiltInCodeAreValidatedToo() {
        assertThatThrownBy(() -> YearSchedule.of(2025, java.util.Set.of(LocalDate.of(2025, 2, 1)),
                java.util.Set.of()))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("2025-02-01 is a SATURDAY");
    }

    @Test
    void aHolidayAddedByLawIsOneLineOfData() {
        List<LaborCodeHolidays.FixedHoliday> fixed = ScheduleParser.parseFixedHolidays("holidays.txt", """
                fixed: 01-01 Tết Dương lịch
                fixed: 11-24 from 2027 Ngày Văn hóa Việt Nam   # as an amendment would add it
                """);
        assertThat(fixed).hasSize(2);
        assertThat(fixed.get(1).appliesIn(2026)).isFalse();
        assertThat(fixed.get(1).appliesIn(2027)).isTrue();
        assertThat(fixed.get(1).date()).isEqualTo(java.time.MonthDay.of(11, 24));
        assertThat(fixed.get(1).name()).isEqualTo("Ngày Văn hóa Việt Nam");
    }

    @Test
    void aFixedHolidayLineWithoutNameOrWithABadDateIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ScheduleParser.parseFixedHolidays("h.txt", "fixed: 13-01 Nowhere"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("h.txt").hasMessageContaining("13-01");
        assertThatThrownBy(() -> ScheduleParser.parseFixedHolidays("h.txt", "fixed: 11-24 from 2027"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ScheduleParser.parseFixedHolidays("h.txt", "closed: 11-24 Day"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("closed");
    }
}
