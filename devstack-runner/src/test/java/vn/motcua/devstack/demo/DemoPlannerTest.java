package vn.motcua.devstack.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan alone already holds the source figures; the replay then checks each result intake computes. */
class DemoPlannerTest {

    private final List<DossierPlan> plans = new DemoPlanner(2022).plan();
    private final List<DossierPlan> firstHalf = plans.stream().filter(DossierPlan::firstHalf).toList();

    @Test
    void first_half_has_the_source_figures() {
        assertThat(firstHalf).hasSize(2264);
        assertThat(firstHalf).filteredOn(p -> p.channel().equals("ONLINE")).hasSize(1512);
        assertThat(firstHalf).filteredOn(p -> p.outcome() == Outcome.IN_TIME).hasSize(2114);
        assertThat(firstHalf).filteredOn(p -> p.outcome() != Outcome.IN_TIME).hasSize(150)
                .allSatisfy(p -> assertThat(p.receivedAt().toLocalDate()).isBefore(LocalDate.of(2022, 6, 1)));
        assertThat(firstHalf).noneMatch(p -> p.outcome() == Outcome.WITHDRAWN);
    }

    @Test
    void online_levels_are_offered_by_the_procedure() {
        assertThat(plans).filteredOn(p -> p.channel().equals("ONLINE"))
                .allSatisfy(p -> assertThat(p.procedure().onlineLevels).contains(p.onlineLevel()));
        assertThat(plans).filteredOn(p -> !p.channel().equals("ONLINE"))
                .allSatisfy(p -> assertThat(p.onlineLevel()).isNull());
    }

    @Test
    void the_same_seed_gives_the_same_plan_and_codes_are_unique() {
        assertThat(new DemoPlanner(2022).plan()).isEqualTo(plans);
        assertThat(plans).extracting(DossierPlan::code).doesNotHaveDuplicates();
    }
}
