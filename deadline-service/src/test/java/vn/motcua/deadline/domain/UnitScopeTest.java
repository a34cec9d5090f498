package vn.motcua.deadline.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.units.UnitTree;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units table read into the suite's shared tree (service-kit tests the walk itself): scopes downwards, filters
 * upwards through lineages, gaps and cycles of a catalogue read half-way tolerated.
 */
class UnitScopeTest {

    static final UnitTree DONG_THAP = Unit.tree(List.of(
            new Unit("DONGTHAP", null),
            new Unit("SADEC", "DONGTHAP"), new Unit("SADEC-P1", "SADEC"), new Unit("SADEC-TKD", "SADEC"),
            new Unit("LAIVUNG", "DONGTHAP"), new Unit("LAIVUNG-TT", "LAIVUNG"),
            new Unit("ORPHAN", "NOT-YET-READ")));

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
        UnitTree tree = Unit.tree(List.of(new Unit("A", "B"), new Unit("B", "A"), new Unit("C", "B")));
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

    private static UnitScope scope(UnitTree tree, String code) {
        return UnitScope.under(tree, List.of(code));
    }
}
