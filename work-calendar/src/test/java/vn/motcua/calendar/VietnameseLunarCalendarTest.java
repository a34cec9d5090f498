package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseLunarCalendarTest {

    /** Published Vietnamese Tết (mùng 1 tháng Giêng) dates. */
    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "1985, 1985-01-21", // China: 1985-02-20 — Vietnam's UTC+7 puts the winter-solstice month a month earlier
        "2007, 2007-02-17", // China: 2007-02-18 — the new moon is just before midnight at UTC+7, after it at UTC+8
        "2016, 2016-02-08",
        "2017, 2017-01-28",
        "2018, 2018-02-16",
        "2019, 2019-02-05",
        "2020, 2020-01-25",
        "2021, 2021-02-12",
        "2022, 2022-02-01",
        "2023, 2023-01-22",
        "2024, 2024-02-10",
        "2025, 2025-01-29",
    })
    void tetMatchesPublishedVietnameseDates(int year, LocalDate tet) {
        assertThat(VietnameseLunarCalendar.newYear(year)).isEqualTo(tet);
    }

    /**
     * 2030: the new moon of early February falls at about 23:07 on 2 February at UTC+7 (00:07 on 3 February at
     * UTC+8), so Tết Canh Tuất is 2 February in Vietnam and 3 February in China.
     */
    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({"2030, 2030-02-02"})
    void tet2030FollowsTheVietnameseNewMoon(int year, LocalDate tet) {
        assertThat(VietnameseLunarCalendar.newYear(year)).isEqualTo(tet);
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
    @CsvSource({
        "2022, 2022-04-10",
        "2023, 2023-04-29", // a leap second month (tháng 2 nhuận) pushes it late
        "2024, 2024-04-18",
        "2025, 2025-04-07",
    })
    void hungKingsDayIsTenthOfThirdLunarMonth(int year, LocalDate day) {
        assertThat(VietnameseLunarCalendar.toSolar(year, 3, 10)).isEqualTo(day);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2000", "2033", "2057", "2100"})
    void tetIsFirstDayOfFirstMonthAndComesAfterLastDayOfOldYear(int year) {
        LocalDate tet = VietnameseLunarCalendar.newYear(year);
        assertThat(tet).isBetween(LocalDate.of(year, 1, 20), LocalDate.of(year, 2, 21));
        int[] first = VietnameseLunarCalendar.toLunar(tet);
        int[] eve = VietnameseLunarCalendar.toLunar(tet.minusDays(1));
        assertThat(first[1]).isEqualTo(1);
        assertThat(first[2]).isEqualTo(1);
        assertThat(eve[1]).isEqualTo(12);
        assertThat(eve[2]).isIn(29, 30);
    }
}
