package vn.motcua.stats.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @Test
    void parsesTheThreeFormsAndRefusesTheRest() {
        assertThat(Period.parse("2022-H1")).contains(new Period("2022-H1", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)));
        assertThat(Period.parse("2022-Q3")).contains(new Period("2022-Q3", LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30)));
        assertThat(Period.parse("2022")).contains(new Period("2022", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));
        assertThat(Period.parse("2022-H3")).isEmpty();
        assertThat(Period.parse("2022-Q5")).isEmpty();
        assertThat(Period.parse("22-H1")).isEmpty();
        assertThat(Period.parse("1999")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void boundariesAreLocalDaysInVietnam() {
        Period h1 = Period.half(2022, 1);
        assertThat(h1.start()).isEqualTo(OffsetDateTime.parse("2022-01-01T00:00:00+07:00").toInstant());
        assertThat(h1.contains(OffsetDateTime.parse("2022-06-30T23:59:59+07:00").toInstant())).isTrue();
        assertThat(h1.contains(OffsetDateTime.parse("2022-06-30T17:30:00Z").toInstant())).isFalse(); // 1 July, 00:30 local
        assertThat(h1.asOf(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(h1.end());
    }

    @Test
    void overlappingListsQuartersHalvesAndYears() {
        Instant may = OffsetDateTime.parse("2022-05-10T09:00:00+07:00").toInstant();
        Instant august = OffsetDateTime.parse("2022-08-01T09:00:00+07:00").toInstant();
        assertThat(Period.overlapping(may, august)).extracting(Period::id)
                .containsExactlyInAnyOrder("2022", "2022-H1", "2022-H2", "2022-Q2", "2022-Q3",
                        "2022.c15", "2022-H1.c15", "2022-H2.c15", "2022-Q2.c15", "2022-Q3.c15");
        // The next start of a quarter of either convention: 15 June (cut-off Q3), then 1 July.
        assertThat(Period.nextQuarterStart(may)).isEqualTo(OffsetDateTime.parse("2022-06-15T00:00:00+07:00").toInstant());
        assertThat(Period.nextQuarterStart(OffsetDateTime.parse("2022-06-15T00:00:00+07:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2022-07-01T00:00:00+07:00").toInstant());
        assertThat(Period.nextQuarterStart(OffsetDateTime.parse("2022-12-20T08:00:00+07:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2023-01-01T00:00:00+07:00").toInstant());
    }

    @Test
    void theCutOffConventionRunsFromThe15thOfTheMonthBeforeToThe14th() {
        assertThat(Period.parse("2022-H1", PeriodConvention.CUTOFF_15)).contains(
                new Period("2022-H1.c15", LocalDate.of(2021, 12, 15), LocalDate.of(2022, 6, 14)));
        assertThat(Period.parse("2022-H2", PeriodConvention.CUTOFF_15)).contains(
                new Period("2022-H2.c15", LocalDate.of(2022, 6, 15), LocalDate.of(2022, 12, 14)));
        assertThat(Period.parse("2022-Q1", PeriodConvention.CUTOFF_15)).contains(
                new Period("2022-Q1.c15", LocalDate.of(2021, 12, 15), LocalDate.of(2022, 3, 14)));
        assertThat(Period.parse("2022", PeriodConvention.CUTOFF_15)).contains(
                new Period("2022.c15", LocalDate.of(2021, 12, 15), LocalDate.of(2022, 12, 14)));
        assertThat(Period.parse("2022-H1", PeriodConvention.CALENDAR)).contains(Period.half(2022, 1));
        assertThat(Period.parse("2022-H1.c15", PeriodConvention.CUTOFF_15)).isEmpty();
        assertThat(Period.parse("2022-H1.c15").orElseThrow().name()).isEqualTo("2022-H1");
        assertThat(Period.parse("2022-H1.c15").orElseThrow().convention().cutoffDay()).isEqualTo(15);
        assertThat(PeriodConvention.parse("16")).isEmpty();
        // 13 December 2021 is in 2021-H2 of both; 16 December is in 2021-H2 but in 2022-H1.c15.
        Instant dec13 = OffsetDateTime.parse("2021-12-13T09:00:00+07:00").toInstant();
        Instant dec16 = OffsetDateTime.parse("2021-12-16T09:00:00+07:00").toInstant();
        assertThat(Period.parse("2021-H2.c15").orElseThrow().contains(dec13)).isTrue();
        assertThat(Period.parse("2021-H2.c15").orElseThrow().contains(dec16)).isFalse();
        assertThat(Period.parse("2022-H1.c15").orElseThrow().contains(dec16)).isTrue();
        assertThat(Period.half(2021, 2).contains(dec16)).isTrue();
    }
}
