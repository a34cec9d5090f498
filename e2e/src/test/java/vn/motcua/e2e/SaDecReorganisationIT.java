package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.motcua.devstack.demo.SaDecDemo;
import vn.motcua.devstack.demo.SaDecReorganisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./devstack --demo} living through 2025 on the packaged services: after the 2022 replay it enters the units
 * of 1/7/2025 (the new province, the ward Sa Đéc, the former city and its wards closed into it), and the city's
 * 2022-H1 report still shows the four source figures, every column as before. The other test classes receive
 * dossiers at Sa Đéc's units today, which the closing refuses from 1/7/2025, so this one waits until they are done.
 */
class SaDecReorganisationIT {

    private static final String REPORT = "/api/stats/reports/2022-H1?unit=SADEC";

    @Test
    void the_2022_figures_hold_after_the_units_of_2025() throws Exception {
        Suite suite = Suite.shared();
        Suite.demoReplayed();
        FinishedClasses.awaitAllBut(SaDecReorganisationIT.class, Duration.ofMinutes(15));
        assertThat(SaDecDemo.checkReport(suite.stats.url(""))).as("the H1 city report before, see the output")
                .isZero();
        JsonNode before = withoutAsOf(Http.get(suite.stats.url(REPORT)).body());

        SaDecDemo.reorganise(suite.intake.url(""), suite.keycloak.issuer());

        await("the former units' open dossiers moved to the ward").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(openDossiersOfFormerUnits(suite)).isEmpty());
        assertThat(SaDecDemo.checkReport(suite.stats.url(""))).as("the H1 city report after, see the output")
                .isZero();
        assertThat(withoutAsOf(Http.get(suite.stats.url(REPORT)).body())).as("every column of 2022-H1")
                .isEqualTo(before);
        JsonNode units2025 = Http.get(suite.stats.url("/api/stats/units?on=2025-07-01")).body();
        assertThat(units2025.toString()).contains(SaDecReorganisation.WARD, SaDecReorganisation.PROVINCE);
    }

    /** The overdue dossiers deadline-service still lists under a unit closed on 1/7/2025. */
    private static List<String> openDossiersOfFormerUnits(Suite suite) throws Exception {
        JsonNode overdue = Http.get(suite.deadline.url("/api/deadlines/overdue"), suite.tokens.user("admin")).body();
        List<String> left = new ArrayList<>();
        overdue.forEach(dossier -> {
            String unit = dossier.path("unitCode").asText();
            boolean former = unit.equals(SaDecReorganisation.CITY) || unit.startsWith(SaDecReorganisation.CITY + "-");
            if (former && !unit.equals(SaDecReorganisation.WARD)) {
                left.add(dossier.path("code").asText() + "@" + unit);
            }
        });
        return left;
    }

    private static JsonNode withoutAsOf(JsonNode report) {
        JsonNode copy = report.deepCopy();
        ((ObjectNode) copy).remove("asOf");
        return copy;
    }
}
