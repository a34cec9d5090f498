package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParentsFirstTest {

    record Unit(String code, String parent) {
    }

    @Test
    void everyParentComesBeforeItsChildrenAtAnyDepth() {
        List<Unit> units = List.of(new Unit("A-WARD", "B-CITY"), new Unit("B-CITY", "Z-PROVINCE"),
                new Unit("Z-PROVINCE", null), new Unit("C-COMMUNE", "B-CITY"), new Unit("Y-PROVINCE", null));

        assertThat(ParentsFirst.order(units, Unit::code, Unit::parent)).extracting(Unit::code)
                .containsExactly("Y-PROVINCE", "Z-PROVINCE", "B-CITY", "A-WARD", "C-COMMUNE");
    }

    @Test
    void aParentOutsideTheListOrACycleEndsTheWalk() {
        List<Unit> units = List.of(new Unit("A", "B"), new Unit("B", "A"), new Unit("C", "ELSEWHERE"));

        assertThat(ParentsFirst.order(units, Unit::code, Unit::parent)).extracting(Unit::code)
                .containsExactly("C", "A", "B");
    }
}
