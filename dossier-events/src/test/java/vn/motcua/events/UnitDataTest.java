package vn.motcua.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnitDataTest {

    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);

    /** Since always under SADEC, moved under DT on 1/1/2024, dissolved into PSD on 1/7/2025. */
    private static final UnitData WARD = new UnitData("P1", "Phường 1", "DT", 3, List.of(
            UnitState.open(null, "Phường 1", "SADEC"),
            UnitState.open(LocalDate.of(2024, 1, 1), "Phường 1", "DT"),
            new UnitState(JULY_2025, "Phường 1", "DT", true, "PSD")));

    /** Came into being on 1/7/2025. */
    private static final UnitData NEW_WARD = new UnitData("PSD", "Phường Sa Đéc", "DT", 1, List.of(
            UnitState.open(JULY_2025, "Phường Sa Đéc", "DT")));

    @Test
    void theStateInForceOnADay() {
        assertThat(WARD.on(LocalDate.of(2000, 1, 1))).map(UnitState::parentCode).contains("SADEC");
        assertThat(WARD.on(LocalDate.of(2024, 1, 1))).map(UnitState::parentCode).contains("DT");
        assertThat(WARD.on(JULY_2025)).map(UnitState::closed).contains(true);
        assertThat(NEW_WARD.on(JULY_2025.minusDays(1))).isEmpty();
    }

    @Test
    void existsFromItsFirstStateUntilItCloses() {
        assertThat(WARD.existsOn(JULY_2025.minusDays(1))).isTrue();
        assertThat(WARD.existsOn(JULY_2025)).isFalse();
        assertThat(NEW_WARD.existsOn(JULY_2025.minusDays(1))).isFalse();
        assertThat(NEW_WARD.existsOn(JULY_2025)).isTrue();
    }

    @Test
    void aPeriodPlacesAUnitOnItsLastDayInThePeriod() {
        assertThat(WARD.lastDayWithin(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)))
                .contains(LocalDate.of(2022, 6, 30));
        assertThat(WARD.lastDayWithin(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .contains(LocalDate.of(2025, 6, 30));
        assertThat(WARD.lastDayWithin(JULY_2025, LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(NEW_WARD.lastDayWithin(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))).isEmpty();
        assertThat(NEW_WARD.lastDayWithin(LocalDate.of(2025, 6, 15), LocalDate.of(2025, 12, 14)))
                .contains(LocalDate.of(2025, 12, 14));
    }

    @Test
    void aUnitReopenedAfterClosingIsPlacedOnItsLastOpenDay() {
        UnitData reopened = new UnitData("X", "X", null, 3, List.of(
                UnitState.open(null, "X", null),
                new UnitState(LocalDate.of(2025, 3, 1), "X", null, true, "Y"),
                UnitState.open(LocalDate.of(2025, 9, 1), "X", "Z")));
        assertThat(reopened.lastDayWithin(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 31))).isEmpty();
        assertThat(reopened.lastDayWithin(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 8, 31)))
                .contains(LocalDate.of(2025, 2, 28));
        assertThat(reopened.on(LocalDate.of(2025, 12, 1))).map(UnitState::parentCode).contains("Z");
    }

    @Test
    void anEventWithoutHistoryHeldAlways() {
        UnitData old = new UnitData("P2", "Phường 2", "SADEC", 1);
        assertThat(old.states()).containsExactly(UnitState.open(null, "Phường 2", "SADEC"));
        assertThat(old.existsOn(LocalDate.of(1990, 1, 1))).isTrue();
        assertThat(old.lastDayWithin(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)))
                .isEqualTo(Optional.of(LocalDate.of(2022, 6, 30)));
    }
}
