package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.motcua.devstack.demo.SaDecDemo;


import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./devstack --demo} on the packaged services: the seeded Sa Đéc year goes through intake's public API with
 * every result judged as planned, and (once stats-service serves reports) the H1 city report shows the source
 * figures: 2264 received, 2114 early or on time, 150 late or overdue, 1512 online, and the report by field sums
 * to them.
 */
class SaDecDemoIT {

    @Test
    void the_demo_year_loads_and_the_city_report_shows_the_source_figures() throws Exception {
        Suite suite = Suite.shared();

        // Once for the run: DashboardBrowserIT shows the same year's figures on the dashboard.
        Map<String, Integer> results = Suite.demoReplayed();

        // H1 2114 + H2 300 in time; H1 96 + 42 (resolved in H2) + H2 18 late; 12 + 12 open, 6 withdrawn
        assertThat(results.get("EARLY") + results.get("ON_TIME")).isEqualTo(2114 + 300);
        assertThat(results.get("LATE")).isEqualTo(96 + 42 + 18);
        assertThat(results.get(SaDecDemo.NO_RESULT)).isEqualTo(12 + 12 + 6);
        assertThat(SaDecDemo.checkReport(suite.stats.url(""))).as("the H1 city report, see the output above")
                .isZero();

        // Form 06 by field (lĩnh vực), as the statistics office files it: its rows sum to the same four figures.
        JsonNode byField = Http.get(suite.stats.url("/api/stats/reports/2022-H1?unit=SADEC&by=field")).body();
        assertThat(byField.path("rows").size()).as("fields in %s", byField).isGreaterThan(1);
        Map<String, Long> summed = new TreeMap<>();
        byField.path("rows").forEach(row -> SaDecDemo.figuresOf(row).forEach((figure, value) ->
                summed.merge(figure, value, Long::sum)));
        assertThat(summed).isEqualTo(new TreeMap<>(SaDecDemo.EXPECTED));
        assertThat(SaDecDemo.figuresOf(byField)).isEqualTo(SaDecDemo.EXPECTED);
    }
}
