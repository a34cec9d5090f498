package vn.motcua.units;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTreeTest {

    private final UnitTree tree = UnitTree.of(parents(
            "DONGTHAP", null, "SADEC", "DONGTHAP", "SADEC-P1", "SADEC", "SADEC-P2", "SADEC", "CAOLANH", "DONGTHAP"));

    @Test
    void lineageGoesUpNearestFirst() {
        assertThat(tree.lineage("SADEC-P1")).containsExactly("SADEC-P1", "SADEC", "DONGTHAP");
        assertThat(tree.lineage("DONGTHAP")).containsExactly("DONGTHAP");
    }

    @Test
    void anUnknownUnitIsItsOwnLineageAndSubtree() {
        assertThat(tree.lineage("NOWHERE")).containsExactly("NOWHERE");
        assertThat(tree.subtree("NOWHERE")).containsExactly("NOWHERE");
        assertThat(tree.knows("NOWHERE")).isFalse();
    }

    @Test
    void subtreeGoesDownEveryLevel() {
        assertThat(tree.subtree("DONGTHAP")).containsExactlyInAnyOrder("DONGTHAP", "SADEC", "SADEC-P1", "SADEC-P2", "CAOLANH");
        assertThat(tree.subtree("SADEC")).containsExactlyInAnyOrder("SADEC", "SADEC-P1", "SADEC-P2");
        assertThat(tree.subtrees(List.of("SADEC-P1", "CAOLANH"))).containsExactlyInAnyOrder("SADEC-P1", "CAOLANH");
    }

    @Test
    void aParentNotYetReadIsKnownAndEndsTheWalkUp() {
        UnitTree early = UnitTree.of(parents("SADEC-P1", "SADEC"));
        assertThat(early.knows("SADEC")).isTrue();
        assertThat(early.lineage("SADEC-P1")).containsExactly("SADEC-P1", "SADEC");
        assertThat(early.subtree("SADEC")).containsExactlyInAnyOrder("SADEC", "SADEC-P1");
    }

    @Test
    void aCycleReadHalfWayVisitsEachUnitOnce() {
        UnitTree cycle = UnitTree.of(parents("A", "B", "B", "A", "C", "A"));
        assertThat(cycle.lineage("C")).containsExactly("C", "A", "B");
        assertThat(cycle.subtree("A")).containsExactlyInAnyOrder("A", "B", "C");
    }

    private static Map<String, String> parents(String... codeThenParent) {
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i < codeThenParent.length; i += 2) {
            parents.put(codeThenParent[i], codeThenParent[i + 1]);
        }
        return parents;
    }
}
