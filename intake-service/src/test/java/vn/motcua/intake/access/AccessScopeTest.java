package vn.motcua.intake.access;

import vn.motcua.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.intake.Rows;
import vn.motcua.testkit.InfrastructureResource;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * What each caller sees and records beyond the matrix's statuses: applicant data for clerks only and every such
 * read recorded; who recorded each step; backdating beyond the window for admins only. Same resources as
 * {@link AccessMatrixTest}, so both run on one started service.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(OidcWiremockTestResource.class)
class AccessScopeTest {

    @Inject
    DataSource dataSource;

    @Test
    void aClerkSeesTheApplicantAndTheReadIsRecorded() {
        String code = receive(TestTokens.kiosk("SADEC-P1"), null);
        long readsBefore = reads(code);

        get(clerk(), code).statusCode(200)
                .body("applicant.idNumber", equalTo("087190001234"))
                .body("history[0].recordedBy", equalTo("service-account-kiosk-sadec-p1"))
                .body("history[0].recordedAt", notNullValue());

        assertThat(reads(code)).isEqualTo(readsBefore + 1);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_read WHERE dossier_code = ? "
                + "AND read_by = 'clerk-p1'", code)).isEqualTo(1);
    }

    /** The records keep the token's sub (stable when a user is renamed) and azp (the client used), not the name alone. */
    @Test
    void readsAndStepsRecordTheTokensSubjectAndClient() {
        String code = receive(TestTokens.kiosk("SADEC-P1"), null);
        String clerk = Jwt.claims().preferredUserName("clerk-p1").subject("4f1c-clerk-p1-subject")
                .issuer("https://server.example.com")
                .audience(TestTokens.AUDIENCES).claim("azp", TestTokens.STAFF_CLIENT)
                .claim("realm_access", Map.of("roles", List.of("clerk"))).claim("units", List.of("SADEC-P1"))
                .expiresIn(Duration.ofMinutes(10)).sign();

        get(clerk, code).statusCode(200);
        step(clerk, code, "withdrawal", Map.of()).statusCode(200);

        assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_read WHERE dossier_code = ? AND read_by = "
                + "'clerk-p1' AND read_by_sub = '4f1c-clerk-p1-subject' AND read_by_azp = 'motcua-staff'", code))
                .isEqualTo(1);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM dossier_step WHERE dossier_code = ? AND sequence = 1 "
                + "AND recorded_by = 'service-account-kiosk-sadec-p1' AND recorded_by_sub = "
                + "'service-account-kiosk-sadec-p1' AND recorded_by_azp = 'kiosk-sadec-p1'", code)).isEqualTo(1);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM dossier_step WHERE dossier_code = ? AND sequence = 2 "
                + "AND recorded_by = 'clerk-p1' AND recorded_by_sub = '4f1c-clerk-p1-subject' "
                + "AND recorded_by_azp = 'motcua-staff'", code)).isEqualTo(1);
    }

    @Test
    void aSupervisorSeesTheHistoryWithoutTheApplicantAndNothingIsRecorded() {
        String code = receive(clerk(), null);
        step(clerk(), code, "supplement-requests", Map.of("reason", "Thiếu giấy tờ")).statusCode(200);

        get(TestTokens.user("supervisor-sadec", "supervisor", "SADEC"), code).statusCode(200)
                .body("applicant", nullValue())
                .body("history.type", hasItem("dossier.supplement-requested"))
                .body("history.recordedBy", everyItem(equalTo("clerk-p1")))
                .body("history.recordedAt", everyItem(notNullValue()));
        assertThat(reads(code)).isZero();
    }

    @Test
    void aKioskReadsBackOnlyTheSlip() {
        String code = receive(TestTokens.kiosk("SADEC-P1"), null);
        get(TestTokens.kiosk("SADEC-P1"), code).statusCode(200)
                .body("code", equalTo(code))
                .body("applicant", nullValue())
                .body("history", nullValue());
        assertThat(reads(code)).isZero();
    }

    @Test
    void backdatingBeyondTheWindowTakesTheAdminRole() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        OffsetDateTime threeBack = tenOClock(workingDaysBack(today, 3));
        OffsetDateTime fourBack = tenOClock(workingDaysBack(today, 4));
        String code = receive(admin(), tenOClock(today.minusDays(40)).toString());

        step(clerk(), code, "supplement-requests", Map.of("requestedAt", fourBack.toString(), "reason", "Thiếu"))
                .statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("requestedAt"));
        step(clerk(), code, "supplement-requests", Map.of("requestedAt", threeBack.toString(), "reason", "Thiếu"))
                .statusCode(200);

        String other = receive(admin(), tenOClock(today.minusDays(40)).toString());
        step(admin(), other, "result", Map.of("resolvedAt", fourBack.toString(), "decision", "APPROVED"))
                .statusCode(200);
    }

    @Test
    void aKioskMayNotBackdateAReceiptBeyondTheWindow() {
        String longAgo = tenOClock(LocalDate.now(VietnamTime.ZONE).minusDays(30)).toString();
        Map<String, Object> body = new HashMap<>(dossier());
        body.put("receivedAt", longAgo);
        post(TestTokens.kiosk("SADEC-P1"), body).statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("receivedAt"));
    }

    private static String clerk() {
        return TestTokens.user("clerk-p1", "clerk", "SADEC-P1");
    }

    private static String admin() {
        return TestTokens.user("admin-1", "admin");
    }

    /** The day whose working days up to today (exclusive of it) number {@code n}, nearest today. */
    private static LocalDate workingDaysBack(LocalDate today, int n) {
        WorkCalendar calendar = WorkCalendar.vietnam();
        LocalDate day = today;
        while (calendar.workingDaysBetween(day, today) < n) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static OffsetDateTime tenOClock(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(10, 0), VietnamTime.ZONE).toOffsetDateTime();
    }

    private long reads(String code) {
        return Rows.number(dataSource, "SELECT count(*) FROM applicant_read WHERE dossier_code = ?", code);
    }

    private static Map<String, Object> dossier() {
        return Map.of("procedureCode", "1.004873", "unitCode", "SADEC-P1", "channel", "DIRECT",
                "applicant", Map.of("name", "Nguyễn Thị Bích", "idNumber", "087190001234"));
    }

    private static String receive(String token, String receivedAt) {
        Map<String, Object> body = new HashMap<>(dossier());
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt);
        }
        return post(token, body).statusCode(201).extract().path("code");
    }

    private static ValidatableResponse post(String token, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(token)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(body)
                .post("/api/dossiers").then();
    }

    private static ValidatableResponse get(String token, String code) {
        return RestAssured.given().auth().oauth2(token).get("/api/dossiers/{code}", code).then();
    }

    private static ValidatableResponse step(String token, String code, String step, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(token).body(body)
                .post("/api/dossiers/{code}/" + step, code).then();
    }
}
