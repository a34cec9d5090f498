package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Rows;
import vn.motcua.intake.app.PersonalDataErasure;
import vn.motcua.testkit.InfrastructureResource;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Applicants' personal data is erased after the retention that follows a dossier's closing (the tests' retention is
 * 200 years, application.properties) or at an admin's request; the dossier, its dates and its steps stay, the slip,
 * the lookup and the status page keep working.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class PersonalDataErasureTest {

    private static final String REASON = "Thiếu bản sao giấy khai sinh của bà Nguyễn Thị Bích";

    @Inject
    PersonalDataErasure erasure;

    @Inject
    DataSource dataSource;

    @Test
    void theJobErasesOnlyDossiersClosedLongerAgoThanTheRetention() {
        String closedLongAgo = Dossiers.receive("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00");
        Dossiers.step(closedLongAgo, "supplement-requests",
                Map.of("requestedAt", "2022-03-01T09:00:00+07:00", "reason", REASON)).statusCode(200);
        Dossiers.step(closedLongAgo, "withdrawal", Map.of("withdrawnAt", "2022-03-02T10:00:00+07:00"))
                .statusCode(200);
        String closedLater = Dossiers.receive("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00");
        Dossiers.step(closedLater, "result", Map.of("resolvedAt", "2022-03-10T10:00:00+07:00",
                "decision", "APPROVED")).statusCode(200);
        String open = Dossiers.receive("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00");

        // 200 years after 5 March 2022: what closed before that day is due, what closed on 10 March is not.
        erasure.eraseDue(OffsetDateTime.parse("2222-03-05T10:00:00+07:00").toInstant());

        RestAssured.get("/api/dossiers/{code}", closedLongAgo).then().statusCode(200)
                .body("applicant", nullValue())
                .body("applicantErasedAt", notNullValue())
                .body("status", equalTo("WITHDRAWN"))
                .body("receivedAt", equalTo("2022-03-01T08:00:00+07:00"))
                .body("history[1].type", equalTo("dossier.supplement-requested"))
                .body("history[1].note", nullValue());
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM dossier WHERE code = ? AND applicant_name IS NULL "
                + "AND applicant_id_number IS NULL AND applicant_phone IS NULL AND request_hash = 'erased'",
                closedLongAgo)).isEqualTo(1);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_erasure WHERE dossier_code = ? "
                + "AND reason = 'RETENTION' AND erased_by = 'intake-service'", closedLongAgo)).isEqualTo(1);
        for (String kept : new String[] {closedLater, open}) {
            RestAssured.get("/api/dossiers/{code}", kept).then().statusCode(200)
                    .body("applicant.idNumber", equalTo("087190001234"))
                    .body("applicantErasedAt", nullValue());
            assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_erasure WHERE dossier_code = ?", kept))
                    .isZero();
        }

        // The slip, the lookup and the status page still work, without the applicant.
        RestAssured.get("/api/dossiers/{code}/slip", closedLongAgo).then().statusCode(200)
                .body(not(containsString("Nguyễn Thị Bích")));
        String lookupCode = RestAssured.get("/api/dossiers/{code}", closedLongAgo).then().extract().path("lookupCode");
        RestAssured.given().header("X-Forwarded-For", "10.77.0.1").get("/api/dossiers/lookup/{code}", lookupCode)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        RestAssured.given().header("X-Forwarded-For", "10.77.0.2").get("/tra-cuu?ma=" + lookupCode).then()
                .statusCode(200);

        // Run again: nothing erased or recorded twice.
        erasure.eraseDue(OffsetDateTime.parse("2222-03-05T10:00:00+07:00").toInstant());
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_erasure WHERE dossier_code = ?",
                closedLongAgo)).isEqualTo(1);
    }

    @Test
    void anAdminErasesOneDossierOnTheCitizensRequestOnce() {
        String code = Dossiers.receive("1.004873", "SADEC-P1", "2022-04-01T08:00:00+07:00");

        String erasedAt = RestAssured.post("/api/dossiers/{code}/erasure", code).then().statusCode(200)
                .body("dossierCode", equalTo(code))
                .body("reason", equalTo("REQUEST"))
                .body("erasedBy", equalTo("test-admin"))
                .extract().path("erasedAt");
        RestAssured.post("/api/dossiers/{code}/erasure", code).then().statusCode(200)
                .body("erasedAt", equalTo(erasedAt));
        long reads = Rows.number(dataSource, "SELECT count(*) FROM applicant_read WHERE dossier_code = ?", code);

        RestAssured.get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("applicant", nullValue())
                .body("applicantErasedAt", equalTo(erasedAt))
                .body("status", equalTo("RECEIVED"));
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_read WHERE dossier_code = ?", code))
                .as("nothing left to read, no read recorded").isEqualTo(reads);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM applicant_erasure WHERE dossier_code = ? "
                + "AND reason = 'REQUEST' AND erased_by = 'test-admin'", code)).isEqualTo(1);
        RestAssured.post("/api/dossiers/{code}/erasure", "SADEC-P1.UNKNOWN").then().statusCode(404);
    }
}
