package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.events.UnitState;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTimelineTest {

    private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

    /** Before 1/7/2025: a city with two wards; from then one ward is closed into the other, a new one begins. */
    private static final UnitTimeline SADEC = UnitTimeline.of(Map.of(
            "CITY", List.of(UnitState.open(null, "Thành phố", null)),
            "P1", List.of(UnitState.open(null, "Phường 1", "CITY"),
                    new UnitState(JULY_1, "Phường 1", "CITY", true, "P2")),
            "P2", List.of(UnitState.open(null, "Phường 2", "CITY")),
            "NEW", List.of(UnitState.open(JULY_1, "Phường mới", "CITY"))));

    @Test
    void theStateInForceAndWhetherTheUnitExists() {
        assertThat(SADEC.existsOn("P1", JULY_1.minusDays(1))).isTrue();
        assertThat(SADEC.existsOn("P1", JULY_1)).isFalse();
        assertThat(SADEC.on("P1", JULY_1)).hasValueSatisfying(state -> assertThat(state.successorCode()).isEqualTo("P2"));
        assertThat(SADEC.on("NEW", JULY_1.minusDays(1))).isEmpty();
        assertThat(SADEC.firstDay("NEW")).contains(JULY_1);
        assertThat(SADEC.firstDay("P2")).isEmpty();
        assertThat(SADEC.existsOn("NOPE", JULY_1)).isFalse();
    }

    @Test
    void theTreeOfADayHoldsClosedUnitsUnderTheirLastParentAndOnlyUnitsBegunByThen() {
        assertThat(SADEC.parentsOn(JULY_1.minusDays(1))).containsOnlyKeys("CITY", "P1", "P2");
        assertThat(SADEC.parentsOn(JULY_1)).containsEntry("P1", "CITY").containsEntry("NEW", "CITY");
        assertThat(SADEC.parentsOn(UnitTimeline.ALWAYS)).containsOnlyKeys("CITY", "P1", "P2");
        assertThat(SADEC.lineageOn("NEW", JULY_1)).containsExactly("NEW", "CITY");
        assertThat(SADEC.rootOn("P1", JULY_1)).isEqualTo("CITY");
    }

    @Test
    void aCycleIsFoundOnTheDayItForms() {
        UnitTimeline later = SADEC.with("CITY", List.of(UnitState.open(null, "Thành phố", null),
                UnitState.open(LocalDate.of(2025, 9, 1), "Thành phố", "P2")));
        assertThat(SADEC.firstCycleThrough("CITY")).isEmpty();
        assertThat(later.firstCycleThrough("CITY")).contains(LocalDate.of(2025, 9, 1));
        assertThat(later.firstCycleThrough("P1")).isEmpty(); // below the cycle, not in it
    }

    @Test
    void thePublishedNameIsTheLatestOpenState() {
        assertThat(UnitTimeline.latestOpen(SADEC.history("P1"))).hasValueSatisfying(
                state -> assertThat(state.effectiveFrom()).isNull());
    }
}
