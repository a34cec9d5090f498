package vn.motcua.stats.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree of a period (docs/time-and-counting.md, "Counting units over time"): Đồng Tháp, whose city of Sa Đéc and
 * its two wards close on 1 July 2025 into a new ward under the province, while Phường 3 moves from the city to the
 * province that day, renamed.
 */
class UnitHistoriesTest {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    static final UnitHistories DONG_THAP = new UnitHistories(List.of(
            new UnitData("DT", "Tỉnh Đồng Tháp", null, 1),
            closed("DT-SADEC", "Thành phố Sa Đéc", "DT"),
            closed("DT-SADEC-P1", "Phường 1", "DT-SADEC"),
            closed("DT-SADEC-P2", "Phường 2", "DT-SADEC"),
            new UnitData("DT-P3", "Phường Ba", "DT", 2, List.of(UnitState.open(null, "Phường 3", "DT-SADEC"),
                    UnitState.open(REFORM, "Phường Ba", "DT"))),
            new UnitData("DT-PSADEC", "Phường Sa Đéc", "DT", 1,
                    List.of(UnitState.open(REFORM, "Phường Sa Đéc", "DT")))));

    @Test
    void aPeriodBeforeTheReformHasTheTreeOfItsTime() {
        UnitOutline h1 = DONG_THAP.of(Period.parse("2025-H1").orElseThrow());
        assertThat(placed(h1)).containsExactly("DT@0", "DT-SADEC@1", "DT-SADEC-P1@2", "DT-SADEC-P2@2", "DT-P3@2");
        assertThat(h1.nameOf("DT-P3")).isEqualTo("Phường 3");
        assertThat(h1.subtree("DT-SADEC")).containsExactlyInAnyOrder("DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2",
                "DT-P3");
        assertThat(h1.counts("DT-PSADEC")).as("the new ward did not exist in 2025-H1").isFalse();
        assertThat(h1.subtree("DT")).doesNotContain("DT-PSADEC");
        assertThat(h1.counts("DT-SADEC-P1")).isTrue();
        assertThat(h1.counts("NOT-IN-CATALOGUE")).as("a code with totals but no catalogue entry").isTrue();
    }

    @Test
    void aPeriodAfterTheReformLeavesTheClosedUnitsOut() {
        UnitOutline h2 = DONG_THAP.of(Period.parse("2025-H2").orElseThrow());
        assertThat(placed(h2)).containsExactly("DT@0", "DT-P3@1", "DT-PSADEC@1");
        assertThat(h2.nameOf("DT-P3")).isEqualTo("Phường Ba");
        assertThat(h2.counts("DT-SADEC")).isFalse();
        assertThat(h2.counts("DT-SADEC-P1")).isFalse();
        assertThat(h2.subtree("DT")).containsExactlyInAnyOrder("DT", "DT-P3", "DT-PSADEC");
    }

    /** A period holding the reform places each unit by its last day in it: the closed ones where they were. */
    @Test
    void aPeriodHoldingTheReformPlacesEachUnitOnItsLastDayInIt() {
        UnitOutline year = DONG_THAP.of(Period.parse("2025").orElseThrow());
        assertThat(placed(year)).containsExactly("DT@0", "DT-P3@1", "DT-PSADEC@1", "DT-SADEC@1", "DT-SADEC-P1@2",
                "DT-SADEC-P2@2");
        assertThat(year.nameOf("DT-P3")).isEqualTo("Phường Ba");
        assertThat(year.subtree("DT-SADEC")).as("Phường 3 has left the city by the end of 2025")
                .containsExactlyInAnyOrder("DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2");
    }

    /** Each convention by its own dates: the cut-off 2025-H2 (15/6–14/12) holds 15–30 June, before the reform. */
    @Test
    void bothConventionsUseTheirOwnDates() {
        UnitOutline cutOffH2 = DONG_THAP.of(Period.parse("2025-H2", PeriodConvention.CUTOFF_15).orElseThrow());
        assertThat(cutOffH2.counts("DT-SADEC-P1")).isTrue();
        assertThat(cutOffH2.subtree("DT-SADEC")).containsExactlyInAnyOrder("DT-SADEC", "DT-SADEC-P1",
                "DT-SADEC-P2");
        assertThat(cutOffH2.nameOf("DT-P3")).isEqualTo("Phường Ba");
        assertThat(cutOffH2.counts("DT-PSADEC")).isTrue();

        UnitOutline cutOffH1 = DONG_THAP.of(Period.parse("2025-H1", PeriodConvention.CUTOFF_15).orElseThrow());
        assertThat(cutOffH1.counts("DT-PSADEC")).isFalse();
        assertThat(placed(cutOffH1)).containsExactly("DT@0", "DT-SADEC@1", "DT-SADEC-P1@2", "DT-SADEC-P2@2",
                "DT-P3@2");

        UnitOutline cutOffQ3 = DONG_THAP.of(Period.parse("2025-Q3", PeriodConvention.CUTOFF_15).orElseThrow());
        assertThat(cutOffQ3.counts("DT-SADEC")).as("15–30 June 2025 is in the cut-off Q3").isTrue();
        UnitOutline calendarQ3 = DONG_THAP.of(Period.parse("2025-Q3").orElseThrow());
        assertThat(calendarQ3.counts("DT-SADEC")).isFalse();
    }

    /** The tree of a day keeps a closed unit under its last parent; a unit not yet in being is not in it. */
    @Test
    void theTreeOfADay() {
        assertThat(placed(DONG_THAP.on(REFORM.minusDays(1)))).containsExactly("DT@0", "DT-SADEC@1",
                "DT-SADEC-P1@2", "DT-SADEC-P2@2", "DT-P3@2");
        assertThat(placed(DONG_THAP.on(REFORM))).containsExactly("DT@0", "DT-P3@1", "DT-PSADEC@1", "DT-SADEC@1",
                "DT-SADEC-P1@2", "DT-SADEC-P2@2");
        assertThat(DONG_THAP.knows("DT-SADEC-P1")).isTrue();
        assertThat(DONG_THAP.knows("DT-XYZ")).isFalse();
    }

    /** A unit known only by an event without history held its one state always. */
    @Test
    void aUnitWithoutHistoryIsInEveryPeriod() {
        UnitHistories old = new UnitHistories(List.of(new UnitData("SADEC", "UBND thành phố Sa Đéc", null, 1)));
        assertThat(old.of(Period.parse("2001").orElseThrow()).counts("SADEC")).isTrue();
        assertThat(placed(old.of(Period.parse("2099-Q4").orElseThrow()))).containsExactly("SADEC@0");
    }

    private static UnitData closed(String code, String name, String parent) {
        return new UnitData(code, name, parent, 2, List.of(UnitState.open(null, name, parent),
                new UnitState(REFORM, name, parent, true, "DT-PSADEC")));
    }

    private static List<String> placed(UnitOutline outline) {
        return outline.inOrder().stream().map(p -> p.unit().code() + "@" + p.depth()).toList();
    }
}
