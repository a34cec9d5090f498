package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.TopicReader;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A due date counted on a year without an official schedule is provisional, and moves when the schedule arrives:
 * intake recomputes it once (two instances running), deadline-service's overdue list and alerts follow, and the
 * report judges the dossier on the new date.
 *
 * <p>The year is 2020: like 2027 it has no official schedule in the suite, and unlike 2027 a dossier can be received
 * in it (receipt times in the future are refused), so its due date has passed and the overdue list shows it. The
 * dossier belongs to a unit of this test's own, outside Sa Đéc, so that while it is open it is carried over into no
 * report another test checks (the classes run side by side). Received Monday 2 March 2020 at 09:00 for 3 working days, it is due Thursday 5 March;
 * once an official 2020 schedule also closes Tuesday 3 March, it is due Friday 6 March, and a result on 6 March is
 * on time instead of late.
 */
class ProvisionalDueDatesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = "E2E-PROV";
    private static Suite suite;

    @BeforeAll
    static void startSuiteWithAUnitOfItsOwn() throws Exception {
        suite = Suite.shared();
        Http.Answer unit = Http.put(suite.intake.url("/api/units/" + UNIT), suite.tokens.user("admin"),
                "{\"name\": \"Đơn vị thử hạn tạm tính\"}");
        assertThat(unit.status()).as("PUT unit: %s", unit.body()).isEqualTo(200);
    }

    @Test
    void an_official_schedule_moves_a_provisional_due_date_once_and_every_service_follows() throws Exception {
        ServiceProcess other = suite.secondIntake(); // both instances read the calendar change
        String code = UNIT + ".E2E-PROV-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = suite.tokens.user("admin");
        Http.Answer slip = Http.post(suite.intake.url("/api/dossiers"), admin, """
                {"procedureCode": "1.004873", "unitCode": "%s", "channel": "DIRECT",
                 "receivedAt": "2020-03-02T09:00:00+07:00", "dossierCode": "%s",
                 "applicant": {"name": "Trần Thị Dung", "idNumber": "087190004321"}}
                """.formatted(UNIT, code), "e2e-" + code);
        assertThat(slip.status()).as("POST: %s", slip.body()).isEqualTo(201);
        assertThat(slip.body().path("dueDate").asText()).isEqualTo("2020-03-05");
        assertThat(slip.body().path("dueDateProvisional").asBoolean()).isTrue();
        await("overdue on the old date").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(overdueItem(code).path("dueDate").asText()).isEqualTo("2020-03-05"));

        JsonNode year = Http.get(suite.intake.url("/api/calendar/2020")).body();
        assertThat(year.path("official").asBoolean()).isFalse();
        ObjectNode official = year.deepCopy();
        ((ArrayNode) official.withArray("closedDays")).addObject()
                .put("date", "2020-03-03").put("name", "Ngày nghỉ do tỉnh quyết định (thử nghiệm)");
        official.remove("official");
        Http.Answer put = Http.put(other.url("/api/calendar/2020"), admin,
                JSON.writeValueAsString(official));
        assertThat(put.status()).as("PUT calendar: %s", put.body()).isEqualTo(200);

        await("intake moved the due date").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode dossier = Http.get(suite.intake.url("/api/dossiers/" + code), admin).body();
            assertThat(dossier.path("dueDate").asText()).isEqualTo("2020-03-06");
            assertThat(dossier.path("dueDateProvisional").asBoolean()).isFalse();
        });
        await("deadline-service follows").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(overdueItem(code).path("dueDate").asText()).isEqualTo("2020-03-06"));
        try (TopicReader<JsonNode> alerts = new TopicReader<>(suite.kafka.adminConnection(), suite.deadlineAlerts,
                Http::json)) {
            await("an overdue alert for the new due instant").atMost(Duration.ofSeconds(60)).until(() ->
                    alerts.values().stream().anyMatch(alert -> isFor(alert, code, "deadline.overdue")
                            && alert.path("data").path("dueAt").asText().startsWith("2020-03-06T17:00")));
        }

        Http.Answer result = Http.post(suite.intake.url("/api/dossiers/" + code + "/result"), admin,
                "{\"resolvedAt\": \"2020-03-06T10:00:00+07:00\", \"decision\": \"APPROVED\"}", null);
        assertThat(result.status()).as("result: %s", result.body()).isEqualTo(200);
        await("the report judges it on the new date").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = Http.get(suite.stats.url("/api/stats/reports/2020-H1?unit=" + UNIT)).body();
            assertThat(report.path("resolved").path("onTime").asLong()).as("on time").isEqualTo(1);
            assertThat(report.path("resolved").path("late").asLong()).as("late").isZero();
        });

        // Both instances saw the change; the dossier's events name it once.
        try (TopicReader<JsonNode> events = new TopicReader<>(suite.kafka.adminConnection(), suite.dossierEvents,
                Http::json)) {
            await("the dossier's events").atMost(Duration.ofSeconds(30)).until(() ->
                    events.values().stream().anyMatch(event -> isFor(event, code, "dossier.resolved")));
            assertThat(events.values().stream().filter(event -> isFor(event, code, "dossier.due-date-changed")))
                    .as("dossier.due-date-changed events of " + code).hasSize(1);
        }
    }

    private static JsonNode overdueItem(String code) throws Exception {
        Http.Answer overdue = Http.get(suite.deadline.url("/api/deadlines/overdue?unit=" + UNIT),
                suite.tokens.user("admin"));
        assertThat(overdue.status()).isEqualTo(200);
        for (JsonNode item : overdue.body().isArray() ? overdue.body() : overdue.body().path("items")) {
            if (code.equals(item.path("code").asText())) {
                return item;
            }
        }
        throw new AssertionError(code + " is not in the overdue list: " + overdue.body());
    }

    private static boolean isFor(JsonNode event, String code, String type) {
        return type.equals(event.path("type").asText()) && code.equals(event.path("data").path("dossierCode").asText());
    }
}
