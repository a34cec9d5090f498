package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Topics;
import vn.motcua.intake.CatalogueTopic;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The province's own days off through {@code /api/calendar/days-off}. Years 2023, 2014, 2015 and 2016: no other test
 * computes due dates in them (a local day off counts for every dossier received after it).
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class LocalDaysOffTest {

    /**
     * Fri 3/3/2023 09:00, 3 working days: Mon 6, Tue 7, Wed 8 March; with Monday 6 March a local day off, Thursday
     * 9 March. Removed again, Wednesday 8 March.
     */
    @Test
    void aDayOffIsStoredShownCountedAndRemoved() {
        assertThat(dueDate("2023-03-03T09:00:00+07:00")).isEqualTo("2023-03-08");

        post(Map.of("from", "2023-03-06", "reason", "  Lễ hội Hoa Xuân của tỉnh  ")).statusCode(201)
                .body("to", equalTo("2023-03-06"));
        Map<String, Object> added = RestAssured.get("/api/calendar/days-off?year=2023").then().statusCode(200)
                .extract().path("find { it.from == '2023-03-06' }");
        assertThat(added).containsEntry("to", "2023-03-06").containsEntry("reason", "Lễ hội Hoa Xuân của tỉnh");
        int rangeId = (Integer) added.get("id");
        RestAssured.get("/api/calendar/days-off/{id}", rangeId).then().statusCode(200)
                .body("from", equalTo("2023-03-06"));
        RestAssured.get("/api/calendar/2023").then().statusCode(200).body("official", equalTo(true))
                .body("localDaysOff.date", equalTo(List.of("2023-03-06")))
                .body("closedDays.date", not(hasItem("2023-03-06")));
        assertThat(dueDate("2023-03-03T09:00:00+07:00")).isEqualTo("2023-03-09");

        RestAssured.delete("/api/calendar/days-off/{id}", rangeId).then().statusCode(204);
        assertThat(dueDate("2023-03-03T09:00:00+07:00")).isEqualTo("2023-03-08");
        RestAssured.get("/api/calendar/days-off/{id}", rangeId).then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.delete("/api/calendar/days-off/{id}", rangeId).then().statusCode(404);
        RestAssured.get("/api/calendar/2023").then().body("localDaysOff", equalTo(List.of()));
    }

    @Test
    void theAnswerLocatesTheNewRange() {
        String location = post(Map.of("from", "2023-11-03", "to", "2023-11-03", "reason", "Thử vị trí"))
                .statusCode(201).extract().header("Location");
        int id = RestAssured.get(location).then().statusCode(200).body("reason", equalTo("Thử vị trí"))
                .extract().path("id");
        assertThat(location).endsWith("/api/calendar/days-off/" + id);
        RestAssured.delete(location).then().statusCode(204);
    }

    /**
     * Tue 29/12/2015 09:00, 3 working days: Wed 30, Thu 31, then Mon 4/1/2016 (Fri 1/1 is New Year). With 30/12/2015
     * to 2/1/2016 off: Mon 4, Tue 5, Wed 6 January. Both years are published, whole, one version up.
     */
    @Test
    void aRangeAcrossNewYearChangesAndPublishesBothYears() {
        assertThat(dueDate("2015-12-29T09:00:00+07:00")).isEqualTo("2016-01-04");
        post(Map.of("from", "2015-12-30", "to", "2016-01-02", "reason", "Bão số 9")).statusCode(201)
                .body("to", equalTo("2016-01-02"));

        assertThat(dueDate("2015-12-29T09:00:00+07:00")).isEqualTo("2016-01-06");
        RestAssured.get("/api/calendar/days-off?year=2016").then().body("reason", hasItem("Bão số 9"));
        RestAssured.get("/api/calendar/2015").then().body("official", equalTo(false))
                .body("localDaysOff.date", equalTo(List.of("2015-12-30", "2015-12-31")));
        CloudEvent year2015 = lastEventOf(Topics.calendarKey(2015), 1);
        assertThat(year2015.data().get("scheduleEntered").booleanValue()).isFalse();
        assertThat(year2015.data().get("localDaysOff").findValuesAsText("date"))
                .containsExactly("2015-12-30", "2015-12-31");

        // A schedule entered later keeps the year's local days off, on the topic too.
        Dossiers.put("/api/calendar/2016", Map.of("closedDays", List.of(Map.of("date", "2016-01-01", "name", "Tết"))))
                .statusCode(200).body("localDaysOff.date", equalTo(List.of("2016-01-01", "2016-01-02")));
        CloudEvent year2016 = lastEventOf(Topics.calendarKey(2016), 2);
        assertThat(year2016.data().get("scheduleEntered").booleanValue()).isTrue();
        assertThat(year2016.data().get("localDaysOff").findValuesAsText("name")).containsOnly("Bão số 9");
    }

    @Test
    void badRangesAreRefusedFieldByFieldAndNothingIsStored() {
        int before = RestAssured.get("/api/calendar/days-off").then().extract().path("size()");
        refused(Map.of(), "from", "reason");
        refused(Map.of("from", "2023-05-10", "to", "2023-05-09", "reason", "x"), "to");
        refused(Map.of("from", "1999-12-31", "reason", "x"), "from");
        refused(Map.of("from", "2100-12-31", "to", "2101-01-01", "reason", "x"), "to");
        refused(Map.of("from", "2014-01-01", "to", "2014-04-01", "reason", "x"), "to");
        refused(Map.of("from", "2023-05-10", "reason", " "), "reason");
        refused(Map.of("from", "2023-05-10", "reason", "x".repeat(201)), "reason");
        refused(Map.of("from", "2023-02-30", "reason", "x"), "from");
        RestAssured.given().contentType(ContentType.JSON).post("/api/calendar/days-off").then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
        RestAssured.get("/api/calendar/days-off?year=1999").then().statusCode(400)
                .body("errors.field", equalTo(List.of("year")));
        RestAssured.get("/api/calendar/days-off?year=next").then().statusCode(400)
                .body("errors.field", equalTo(List.of("year")));

        RestAssured.get("/api/calendar/days-off").then().body("size()", equalTo(before));
        // 90 days is the most a range may hold.
        int id = post(Map.of("from", "2014-01-01", "to", "2014-03-31", "reason", "x")).statusCode(201)
                .extract().path("id");
        RestAssured.delete("/api/calendar/days-off/{id}", id).then().statusCode(204);
    }

    private static void refused(Map<String, Object> body, String... fields) {
        post(new HashMap<>(body)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(fields)));
    }

    private static ValidatableResponse post(Object body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/calendar/days-off").then();
    }

    private static String dueDate(String receivedAt) {
        return Dossiers.post(Dossiers.direct("1.004873", "SADEC", receivedAt)).statusCode(201).extract().path("dueDate");
    }

    /** The key's event of the given version, once on the topic. */
    private static CloudEvent lastEventOf(String key, long version) {
        try (TopicReader<CloudEvent> reader = CatalogueTopic.reader()) {
            List<CloudEvent> events = reader.until(all -> CatalogueTopic.eventsOf(all, key).stream()
                    .anyMatch(event -> CatalogueTopic.version(event) == version));
            return CatalogueTopic.eventsOf(events, key).stream().filter(event -> CatalogueTopic.version(event) == version)
                    .findFirst().orElseThrow();
        }
    }
}
