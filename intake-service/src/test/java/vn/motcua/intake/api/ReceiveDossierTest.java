package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ReceiveDossierTest {

    @Test
    void answersTheAppointmentSlipWithLocation() {
        Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", "2022-01-24T09:00:00+07:00"))
                .statusCode(201)
                .header("Location", containsString("/api/dossiers/SADEC-P1-220124-"))
                .body("code", matchesPattern("SADEC-P1-220124-\\d{6}"))
                .body("lookupCode", matchesPattern("[A-Z2-9]{8}"))
                .body("status", equalTo("RECEIVED"))
                .body("receivedAt", equalTo("2022-01-24T09:00:00+07:00"))
                .body("dueDate", equalTo("2022-01-27"))
                .body("dueAt", equalTo("2022-01-27T17:00:00+07:00"))
                .body("channel", equalTo("DIRECT"))
                .body("applicant", nullValue());
    }

    /** docs/time-and-counting.md, the official calendar: offices close Mon 31/1 – Fri 4/2/2022 for Tết Nhâm Dần; same-day procedures cut off at 15:00. */
    @ParameterizedTest(name = "{0} received {1} is due {2}")
    @CsvSource({
            "1.004873, 2022-01-27T09:00:00+07:00, 2022-02-08",   // 3 working days: Fri 28/1, Mon 7/2, Tue 8/2
            "1.004873, 2022-01-28T17:30:00+07:00, 2022-02-10",   // after close: starts Mon 7/2
            "1.001193, 2022-01-28T14:00:00+07:00, 2022-01-28",   // same day, before the 15:00 cut-off
            "1.001193, 2022-01-28T15:30:00+07:00, 2022-02-07",   // same day, after the cut-off: next working day
            "1.009994, 2022-01-20T10:00:00+07:00, 2022-02-17",   // 15 working days across Tết
            "1.004873, 2022-04-28T09:00:00+07:00, 2022-05-05"    // across 30/4–1/5: Fri 29/4, Wed 4/5, Thu 5/5
    })
    void dueDatesAcrossHolidaysFollowTheOfficialCalendar(String procedure, String receivedAt, String dueDate) {
        Dossiers.post(Dossiers.direct(procedure, "SADEC", receivedAt))
                .statusCode(201).body("dueDate", equalTo(dueDate));
    }

    @Test
    void onlineDossiersCarryTheirLevel() {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P2", "2022-03-01T08:00:00+07:00"));
        body.put("channel", "ONLINE");
        body.put("onlineLevel", 4);
        Dossiers.post(body).statusCode(201)
                .body("onlineLevel", equalTo(4))
                .body("onlineLevelName", equalTo("Mức độ 4 (toàn trình)"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheFirstResult() {
        Map<String, Object> body = Dossiers.direct("1.004873", "SADEC-P3", "2022-03-02T08:00:00+07:00");
        String first = post("kiosk-7-0001", body).statusCode(201).extract().path("code");
        String again = post("kiosk-7-0001", body).statusCode(201).extract().path("code");

        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        Map<String, Object> other = Dossiers.direct("1.004873", "SADEC-P4", "2022-03-02T08:00:00+07:00");
        post("kiosk-7-0001", other).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void aClientChosenCodeIsIdempotentToo() {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P3", "2022-03-03T08:00:00+07:00"));
        body.put("dossierCode", "SADEC-P3.KIOSK7-0042");
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/dossiers").then()
                .statusCode(201).body("code", equalTo("SADEC-P3.KIOSK7-0042"));
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/dossiers").then()
                .statusCode(201).body("code", equalTo("SADEC-P3.KIOSK7-0042"));
        body.put("receivedAt", "2022-03-03T09:00:00+07:00");
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/dossiers").then()
                .statusCode(409).body("errors.field", hasItem("dossierCode"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "procedureCode, '', Missing procedure",
            "procedureCode, 9.999999, Unknown procedure",
            "unitCode, HANOI, Unknown unit",
            "channel, FAX, Unknown channel",
            "receivedAt, 2099-01-01T08:00:00+07:00, In the future",
            "receivedAt, yesterday, Not a time"
    })
    void badFieldsAreNamed(String field, String value, String description) {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC", "2022-03-01T08:00:00+07:00"));
        body.put(field, value);
        Dossiers.post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void onlineWithoutALevelIsRefused() {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC", "2022-03-01T08:00:00+07:00"));
        body.put("channel", "ONLINE");
        Dossiers.post(body).statusCode(400).body("errors.field", hasItem("onlineLevel"));
        body.put("onlineLevel", 2);
        Dossiers.post(body).statusCode(400).body("errors.field", hasItem("onlineLevel"));
        body.put("onlineLevel", 4);
        body.put("procedureCode", "1.004227");   // offered online at level 3 only
        Dossiers.post(body).statusCode(400).body("errors.field", hasItem("onlineLevel"));
    }

    @Test
    void everyMissingFieldIsNamedInOneAnswer() {
        RestAssured.given().contentType(ContentType.JSON).body("{\"applicant\":{}}").post("/api/dossiers").then()
                .statusCode(400)
                .body("errors.field", hasItem("procedureCode"))
                .body("errors.field", hasItem("unitCode"))
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("applicant.name"))
                .body("errors.field", hasItem("applicant.idNumber"));
    }

    @Test
    void malformedJsonIsAProblem() {
        RestAssured.given().contentType(ContentType.JSON).body("{\"procedureCode\": \"1.004873\", ")
                .post("/api/dossiers").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingIsWritten() {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC", "2022-03-01T08:00:00+07:00"));
        body.put("padding", "x".repeat(100_000));
        Dossiers.post(body).statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void theCitizenLooksUpByTheSlipCodeWithoutPersonalData() {
        String lookupCode = Dossiers.post(Dossiers.direct("1.004873", "SADEC", "2022-03-04T08:00:00+07:00"))
                .statusCode(201).extract().path("lookupCode");
        RestAssured.get("/api/dossiers/lookup/{code}", lookupCode.toLowerCase()).then()
                .statusCode(200)
                .body("lookupCode", equalTo(lookupCode))
                .body("status", equalTo("RECEIVED"))
                .body("dueDate", equalTo("2022-03-09"))
                .body("code", nullValue())
                .body("applicant", nullValue())
                .body(not(containsString("087190001234")));
        RestAssured.get("/api/dossiers/lookup/NOSUCH22").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aReceivedTimeWithinTheClockSkewIsAccepted() {
        String soon = OffsetDateTime.now().plusSeconds(30).toString();
        Dossiers.post(Dossiers.direct("1.004873", "SADEC", soon)).statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse post(String key, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/dossiers").then();
    }
}
