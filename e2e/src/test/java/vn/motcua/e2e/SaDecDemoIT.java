package vn.motcua.e2e;

import org.junit.jupiter.api.Test;
import vn.motcua.devstack.demo.SaDecDemo;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./devstack --demo} on the packaged services: the seeded Sa Đéc year goes through intake's public API with
 * every result judged as planned, and (once stats-service serves reports) the H1 city report shows the source
 * figures: 2264 received, 2114 early or on time, 150 late or overdue, 1512 online.
 */
class SaDecDemoIT {

    @Test
    void the_demo_year_loads_and_the_city_report_shows_the_source_figures() throws Exception {
        Suite suite = Suite.shared();

        Map<String, Integer> results = SaDecDemo.replay(suite.intake.url(""), 2022);

        // H1 2114 + H2 300 in time; H1 96 + 42 (resolved in H2) + H2 18 late; 12 + 12 open, 6 withdrawn
        assertThat(results.get("EARLY") + results.get("ON_TIME")).isEqualTo(2114 + 300);
        assertThat(results.get("LATE")).isEqualTo(96 + 42 + 18);
        assertThat(results.get(SaDecDemo.NO_RESULT)).isEqualTo(12 + 12 + 6);
        assertThat(SaDecDemo.checkReport(suite.stats.url(""))).as("the H1 city report, see the output above")
                .isZero();
    }
}
