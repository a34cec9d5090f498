package vn.motcua.deadline.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.events.UnitState;
import vn.motcua.units.UnitTree;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units table read into the suite's shared tree (service-kit tests the walk itself): scopes downwards, filters
 * upwards through lineages, gaps and cycles of a catalogue read half-way tolerated.
 */
class UnitScopeTest {

    static final UnitTree DONG_THAP = Unit.tree(List.of(
            Unit.sinceAlways("DONGTHAP", null),
            Unit.sinceAlways("SADEC", "DONGTHAP"), Unit.sinceAlways("SADEC-P1", "SADEC"),
            Unit.sinceAlways("SADEC-TKD", "SADEC"),
            Unit.sinceAlways("LAIVUNG", "DONGTHAP"), Unit.sinceAlways("LAIVUNG-TT", "LAIVUNG"),
            Unit.sinceAlways("ORPHAN", "NOT-YET-READ")), LocalDate.of(2026, 12, 7));

    @Test
    void aUnitCoversEverythingUnderItAtAnyDepth() {
        assertThat(scope(DONG_THAP, "DONGTHAP").codes())
                .containsExactlyInAnyOrder("DONGTHAP", "SADEC", "SADEC-P1", "SADEC-TKD", "LAIVUNG", "LAIVUNG-TT");
        assertThat(scope(DONG_THAP, "SADEC").codes()).containsExactlyInAnyOrder("SADEC", "SADEC-P1", "SADEC-TKD");
        assertThat(scope(DONG_THAP, "SADEC-P1").codes()).containsExactly("SADEC-P1");
        assertThat(scope(DONG_THAP, "SADEC").isAll()).isFalse();
    }

    @Test
    void aUnitsLineageIsItselfAndEveryUnitAboveIt() {
        assertThat(DONG_THAP.lineage("SADEC-P1")).containsExactly("SADEC-P1", "SADEC", "DONGTHAP");
        assertThat(DONG_THAP.lineage("DONGTHAP")).containsExactly("DONGTHAP");
        assertThat(DONG_THAP.lineage("ORPHAN")).containsExactly("ORPHAN", "NOT-YET-READ");
        assertThat(DONG_THAP.lineage("UNKNOWN")).containsExactly("UNKNOWN");
    }

    @Test
    void unitsTheCatalogueNamedAndTheParentsTheyMentionAreKnown() {
        assertThat(DONG_THAP.knows("SADEC-TKD")).isTrue();
        assertThat(DONG_THAP.knows("ORPHAN")).isTrue();
        // The shared tree's rule: a parent named by a unit read exists, its own record merely not read yet.
        assertThat(DONG_THAP.knows("NOT-YET-READ")).isTrue();
        assertThat(DONG_THAP.knows("NOWHERE")).isFalse();
    }

    @Test
    void aCycleLeftForAMomentByAMoveEndsTheWalks() {
        // A moved under B is read before B moved out from under A.
        UnitTree tree = Unit.tree(List.of(Unit.sinceAlways("A", "B"), Unit.sinceAlways("B", "A"),
                Unit.sinceAlways("C", "B")), LocalDate.of(2026, 12, 7));
        assertThat(scope(tree, "A").codes()).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(tree.lineage("C")).containsExactly("C", "B", "A");
    }

    @Test
    void aFilterCoversAnAlertWhenItsUnitIsInTheAlertsLineage() {
        assertThat(new UnitFilter("SADEC").covers(DONG_THAP.lineage("SADEC-P1"))).isTrue();
        assertThat(new UnitFilter("LAIVUNG").covers(DONG_THAP.lineage("SADEC-P1"))).isFalse();
        assertThat(UnitFilter.ALL.covers(DONG_THAP.lineage("UNKNOWN"))).isTrue();
        assertThat(UnitScope.ALL.isAll()).isTrue();
    }

    /** A supervisor of several units who names none: each of them and everything under each. */
    @Test
    void aCallersSeveralUnitsCoverEachSubtreeAndNothingElse() {
        UnitFilter mine = UnitFilter.of(List.of("SADEC-P1", "LAIVUNG"));
        assertThat(mine.covers(DONG_THAP.lineage("SADEC-P1"))).isTrue();
        assertThat(mine.covers(DONG_THAP.lineage("LAIVUNG-TT"))).isTrue();
        assertThat(mine.covers(DONG_THAP.lineage("SADEC-TKD"))).isFalse();
        assertThat(UnitScope.under(DONG_THAP, mine.codes()).codes())
                .containsExactlyInAnyOrder("SADEC-P1", "LAIVUNG", "LAIVUNG-TT");
        assertThat(UnitFilter.of(List.of()).covers(DONG_THAP.lineage("SADEC-P1"))).isFalse();
    }

    static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

    /** Sa Đéc's wards 1 and 2 merged into a new ward PSD on 1 July; TKD moves to Lai Vung that day. */
    static final List<Unit> REORGANISED = List.of(
            Unit.sinceAlways("DONGTHAP", null), Unit.sinceAlways("SADEC", "DONGTHAP"), Unit.sinceAlways("LAIVUNG", "DONGTHAP"),
            new Unit("SADEC-P1", List.of(UnitState.open(null, "Phường 1", "SADEC"),
                    new UnitState(JULY_1, "Phường 1", "SADEC", true, "SADEC-PSD"))),
            new Unit("SADEC-PSD", List.of(UnitState.open(JULY_1, "Phường Sa Đéc", "SADEC"))),
            new Unit("SADEC-TKD", List.of(UnitState.open(null, "Tân Khánh Đông", "SADEC"),
                    UnitState.open(JULY_1, "Tân Khánh Đông", "LAIVUNG"))));

    @Test
    void aMoveDatedLaterChangesTheScopesOnlyFromThatDay() {
        UnitTree before = Unit.tree(REORGANISED, JULY_1.minusDays(1));
        UnitTree from = Unit.tree(REORGANISED, JULY_1);
        assertThat(scope(before, "SADEC").codes()).contains("SADEC-TKD");
        assertThat(scope(before, "LAIVUNG").codes()).containsExactly("LAIVUNG");
        assertThat(before.lineage("SADEC-TKD")).containsExactly("SADEC-TKD", "SADEC", "DONGTHAP");

        assertThat(scope(from, "SADEC").codes()).doesNotContain("SADEC-TKD");
        assertThat(scope(from, "LAIVUNG").codes()).containsExactlyInAnyOrder("LAIVUNG", "SADEC-TKD");
        assertThat(from.lineage("SADEC-TKD")).containsExactly("SADEC-TKD", "LAIVUNG", "DONGTHAP");
        assertThat(scope(Unit.tree(REORGANISED, JULY_1.plusYears(3)), "LAIVUNG").codes()).contains("SADEC-TKD");
    }

    @Test
    void aClosedUnitStaysUnderItsLastParentAndAUnitNotYetInBeingHasNoPlace() {
        UnitTree before = Unit.tree(REORGANISED, JULY_1.minusDays(1));
        assertThat(before.knows("SADEC-PSD")).as("not in being before 1 July").isFalse();
        assertThat(scope(before, "SADEC").codes()).doesNotContain("SADEC-PSD").contains("SADEC-P1");
        assertThat(before.lineage("SADEC-PSD")).containsExactly("SADEC-PSD");

        UnitTree from = Unit.tree(REORGANISED, JULY_1);
        assertThat(scope(from, "SADEC").codes()).contains("SADEC-PSD", "SADEC-P1");
        assertThat(from.lineage("SADEC-P1")).as("closed, under its last parent")
                .containsExactly("SADEC-P1", "SADEC", "DONGTHAP");
        assertThat(scope(from, "SADEC-PSD").codes()).as("a successor does not take the closed unit under it")
                .containsExactly("SADEC-PSD");
    }

    @Test
    void theStateInForceIsTheLastOneStartedByTheDay() {
        Unit ward = REORGANISED.get(3);
        assertThat(ward.on(JULY_1.minusDays(1))).map(UnitState::closed).contains(false);
        assertThat(ward.on(JULY_1)).map(UnitState::successorCode).contains("SADEC-PSD");
        assertThat(REORGANISED.get(4).on(JULY_1.minusDays(1))).isEmpty();
    }

    private static UnitScope scope(UnitTree tree, String code) {
        return UnitScope.under(tree, List.of(code));
    }
}
