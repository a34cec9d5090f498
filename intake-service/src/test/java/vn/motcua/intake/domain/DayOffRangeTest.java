package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DayOff;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayOffRangeTest {

    @Test
    void aRangeAcrossNewYearBelongsToBothYears() {
        DayOffRange range = new DayOffRange(1, LocalDate.of(2015, 12, 30), LocalDate.of(2016, 1, 2), "Bão");
        assertThat(range.years()).containsExactly(2015, 2016);
        assertThat(range.days()).isEqualTo(4);
        assertThat(DayOffRange.daysIn(2015, List.of(range))).containsExactly(
                new DayOff(LocalDate.of(2015, 12, 30), "Bão"), new DayOff(LocalDate.of(2015, 12, 31), "Bão"));
        assertThat(DayOffRange.daysIn(2016, List.of(range))).extracting(DayOff::date)
                .containsExactly(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 2));
        assertThat(DayOffRange.daysIn(2017, List.of(range))).isEmpty();
    }

    @Test
    void overlappingRangesGiveEachDateOnceWithTheFirstEnteredReason() {
        DayOffRange later = new DayOffRange(7, LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 3), "sau");
        DayOffRange first = new DayOffRange(3, LocalDate.of(2023, 3, 2), LocalDate.of(2023, 3, 2), "trước");
        assertThat(DayOffRange.daysIn(2023, List.of(later, first))).containsExactly(
                new DayOff(LocalDate.of(2023, 3, 1), "sau"), new DayOff(LocalDate.of(2023, 3, 2), "trước"),
                new DayOff(LocalDate.of(2023, 3, 3), "sau"));
    }

    @Test
    void aRangeEndsNoEarlierThanItStarts() {
        assertThatThrownBy(() -> new DayOffRange(1, LocalDate.of(2023, 3, 2), LocalDate.of(2023, 3, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
