package vn.motcua.devstack.demo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SaDecReorganisationTest {

    /** The units intake knows before the demo enters 2025: the city and its wards and communes. */
    private static final Set<String> BEFORE = Set.of("SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4",
            "SADEC-AH", "SADEC-TQD", "SADEC-TKD", "SADEC-TQT", "SADEC-TPD");

    @Test
    void every_parent_and_successor_is_entered_before_it_is_named() {
        Set<String> known = new HashSet<>(BEFORE);
        for (SaDecReorganisation.Change change : SaDecReorganisation.changes()) {
            Object parent = change.state().get("parentCode");
            Object successor = change.state().get("successorCode");
            assertThat(parent == null || known.contains(parent)).as("parent of %s", change.code()).isTrue();
            assertThat(successor == null || known.contains(successor)).as("successor of %s", change.code()).isTrue();
            known.add(change.code());
        }
    }

    @Test
    void the_city_and_all_its_units_close_into_the_ward_on_the_first_of_july_2025() {
        List<SaDecReorganisation.Change> closings = SaDecReorganisation.changes().stream()
                .filter(change -> Boolean.TRUE.equals(change.state().get("closed"))).toList();

        assertThat(closings).extracting(SaDecReorganisation.Change::code).containsExactlyInAnyOrderElementsOf(BEFORE);
        assertThat(closings.get(closings.size() - 1).code()).as("the city closes after its units").isEqualTo("SADEC");
        assertThat(closings).allSatisfy(change -> {
            assertThat(change.state()).containsEntry("successorCode", SaDecReorganisation.WARD)
                    .containsEntry("effectiveFrom", "2025-07-01");
        });
    }
}
