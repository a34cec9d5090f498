package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two intake-service instances on one database: a calendar year changed through one of them changes the due dates
 * the other computes within 5 s, because every instance applies {@code calendar.changed} from the catalogue topic.
 * 2021 has no official schedule in the suite and no other test uses it: Monday 1 March 2021 at 09:00 plus three
 * working days is Thursday 4 March; with Tuesday 2 March closed it is Friday 5 March. The dossiers stay open, so
 * they belong to a unit of this test's own, outside Sa Đéc: carried over from 2021, they would otherwise count in
 * the city's 2022 report that another test checks at the same time.
 */
class TwoIntakesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CATALOGUE_DELAY = Duration.ofSeconds(5);

    private static Suite suite;

    private static final String UNIT = "E2E-TWO";

    @BeforeAll
    static void startSuiteWithAUnitOfItsOwn() throws Exception {
        suite = Suite.shared();
        Http.Answer unit = Http.put(suite.intake.url("/api/units/" + UNIT), suite.tokens.user("admin"),
                "{\"name\": \"Đơn vị thử hai phiên bản\"}");
        assertThat(unit.status()).as("PUT unit: %s", unit.body()).isEqualTo(200);
    }

    @Test
    void a_calendar_put_to_one_instance_changes_the_due_dates_of_the_other() throws Exception {
        ServiceProcess other = suite.secondIntake();
        assertThat(dueDateFrom(other)).isEqualTo("2021-03-04");

        JsonNode year = Http.get(suite.intake.url("/api/calendar/2021")).body();
        ObjectNode changed = year.deepCopy();
        ((ArrayNode) changed.withArray("closedDays")).addObject()
                .put("date", "2021-03-02").put("name", "Ngày nghỉ do tỉnh quyết định (thử nghiệm)");
        changed.remove("official");
        Http.Answer put = Http.put(suite.intake.url("/api/calendar/2021"), suite.tokens.user("admin"),
                JSON.writeValueAsString(changed));
        assertThat(put.status()).as("PUT calendar: %s", put.body()).isEqualTo(200);

        await("the other instance computes with the new calendar").atMost(CATALOGUE_DELAY)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(dueDateFrom(other)).isEqualTo("2021-03-05"));
    }

    private static String dueDateFrom(ServiceProcess intake) throws Exception {
        String code = UNIT + ".E2E-CAL-" + UUID.randomUUID().toString().substring(0, 8);
        String json = """
                {"procedureCode": "1.004873", "unitCode": "%s", "channel": "DIRECT",
                 "receivedAt": "2021-03-01T09:00:00+07:00", "dossierCode": "%s",
                 "applicant": {"name": "Lê Văn Cường", "idNumber": "087090005678"}}
                """.formatted(UNIT, code);
        Http.Answer slip = Http.post(intake.url("/api/dossiers"), suite.tokens.user("admin"), json, "e2e-" + code);
        assertThat(slip.status()).as("POST to %s: %s", intake.name, slip.body()).isEqualTo(201);
        return slip.body().path("dueDate").asText();
    }
}
