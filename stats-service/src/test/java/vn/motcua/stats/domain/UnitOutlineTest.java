package vn.motcua.stats.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOutlineTest {

    static final List<Unit> DONG_THAP = List.of(
            new Unit("DT-SADEC-TKD", "Xã Tân Khánh Đông", "DT-SADEC"),
            new Unit("DT-SADEC-P1", "Phường 1", "DT-SADEC"),
            new Unit("DT-SADEC", "Thành phố Sa Đéc", "DT"),
            new Unit("DT-LAIVUNG", "Huyện Lai Vung", "DT"),
            new Unit("DT", "Tỉnh Đồng Tháp", null),
            new Unit("AG", "Tỉnh An Giang", null));

    @Test
    void preOrderWithDepthsSiblingsByVietnameseName() {
        assertThat(placed(new UnitOutline(DONG_THAP))).containsExactly(
                "AG@0", "DT@0", "DT-LAIVUNG@1", "DT-SADEC@1", "DT-SADEC-P1@2", "DT-SADEC-TKD@2");
        List<Unit> siblings = List.of(new Unit("B", "Xã Đông", null), new Unit("A", "Xã Dương", null),
                new Unit("C", "Xã Đông", null));
        assertThat(placed(new UnitOutline(siblings))).as("Đ after D; equal names by code").containsExactly(
                "A@0", "B@0", "C@0");
    }

    @Test
    void aSubtreeReachesEveryDepth() {
        UnitOutline tree = new UnitOutline(DONG_THAP);
        assertThat(tree.subtree("DT")).containsExactlyInAnyOrder("DT", "DT-SADEC", "DT-LAIVUNG", "DT-SADEC-P1",
                "DT-SADEC-TKD");
        assertThat(tree.subtree("DT-SADEC")).containsExactlyInAnyOrder("DT-SADEC", "DT-SADEC-P1", "DT-SADEC-TKD");
        assertThat(tree.subtree("DT-SADEC-P1")).containsExactly("DT-SADEC-P1");
        assertThat(tree.subtree("NEW")).as("a code the tree does not hold: itself").containsExactly("NEW");
    }

    @Test
    void aUnitWhoseParentIsNotKnownYetStandsAsARootAndItsParentCodeIsKnown() {
        UnitOutline tree = new UnitOutline(List.of(new Unit("DT-SADEC-P1", "Phường 1", "DT-SADEC"),
                new Unit("DT-SADEC-P2", "Phường 2", "DT-SADEC")));
        assertThat(placed(tree)).containsExactly("DT-SADEC-P1@0", "DT-SADEC-P2@0");
        assertThat(tree.knows("DT-SADEC")).isTrue();
        assertThat(tree.subtree("DT-SADEC")).containsExactlyInAnyOrder("DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2");
        assertThat(tree.knows("DT")).isFalse();
        assertThat(tree.nameOf("DT-SADEC")).isEqualTo("DT-SADEC");
    }

    @Test
    void aCycleSeenHalfwayThroughAMoveListsEachUnitOnceAndEnds() {
        UnitOutline tree = new UnitOutline(List.of(new Unit("A", "Huyện A", "B"), new Unit("B", "Huyện B", "A"),
                new Unit("C", "Xã C", "B")));
        assertThat(placed(tree)).containsExactly("A@0", "B@1", "C@2");
        assertThat(tree.subtree("B")).containsExactlyInAnyOrder("A", "B", "C");
    }

    @Test
    void codesInTreeOrderThenUnknownCodesAlphabetically() {
        UnitOutline tree = new UnitOutline(DONG_THAP);
        assertThat(tree.ordered(List.of("ZZ", "DT-SADEC-TKD", "DT", "AA", "DT-SADEC-P1")))
                .containsExactly("DT", "DT-SADEC-P1", "DT-SADEC-TKD", "AA", "ZZ");
    }

    private static List<String> placed(UnitOutline tree) {
        return tree.inOrder().stream().map(p -> p.unit().code() + "@" + p.depth()).toList();
    }
}
