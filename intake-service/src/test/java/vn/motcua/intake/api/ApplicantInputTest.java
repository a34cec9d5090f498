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

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The applicant's fields and a client's dossier code are checked for form; text is kept in NFC. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ApplicantInputTest {

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource({
            "name, 'Nguyễn\u0000Văn An'",
            "name, 'Nguyễn Văn\u001bAn'",
            "name, 'Nguyễn Văn\u0085An'",
            "idNumber, 12345",
            "idNumber, 0871900012345",
            "idNumber, 08719000123A",
            "phone, 12345",
            "phone, 0912 345 678",
            "phone, +8412345",
            "phone, 912345678"
    })
    void malformedApplicantFieldsAreNamed(String field, String value) {
        Map<String, Object> applicant = new HashMap<>(Dossiers.applicant());
        applicant.put(field, value);
        Dossiers.post(withApplicant(applicant)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("applicant." + field));
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource({"idNumber, 087190001234", "idNumber, 341234567", "phone, 0912345678", "phone, 02773861234",
            "phone, +84912345678"})
    void wellFormedNumbersAreAccepted(String field, String value) {
        Map<String, Object> applicant = new HashMap<>(Dossiers.applicant());
        applicant.put(field, value);
        Dossiers.post(withApplicant(applicant)).statusCode(201);
    }

    @Test
    void aNameTypedDecomposedIsKeptComposed() {
        String composed = "Nguyễn Thị Bích";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        Map<String, Object> applicant = new HashMap<>(Dossiers.applicant());
        applicant.put("name", "  " + decomposed + " ");
        String code = Dossiers.post(withApplicant(applicant)).statusCode(201).extract().path("code");
        RestAssured.get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("applicant.name", equalTo(composed));
    }

    @Test
    void aTooLongNameIsRefused() {
        Map<String, Object> applicant = new HashMap<>(Dossiers.applicant());
        applicant.put("name", "A".repeat(201));
        Dossiers.post(withApplicant(applicant)).statusCode(400).body("errors.field", hasItem("applicant.name"));
    }

    @Test
    void aReasonIsBoundedAndFreeOfControlCharacters() {
        String code = Dossiers.receive("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00");
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-03-01T09:00:00+07:00",
                "reason", "x".repeat(1001))).statusCode(400).body("errors.field", hasItem("reason"));
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-03-01T09:00:00+07:00",
                "reason", "Thiếu\u0000giấy")).statusCode(400).body("errors.field", hasItem("reason"));
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-03-01T09:00:00+07:00",
                "reason", "Thiếu:\n- bản sao giấy khai sinh")).statusCode(200);
    }

    /** Intake's own codes, another unit's namespace, no namespace: all refused before anything is written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"SADEC-P1-200229-999998", "SADEC-P1-220301-999999", "SADEC-P2.K7-0001", "KIOSK7-0042",
            "SADEC-P1.", "SADEC-P1..x", "SADEC.P1-0001"})
    void aClientCodeOutsideItsUnitsNamespaceIsRefused(String code) {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00"));
        body.put("dossierCode", code);
        Dossiers.post(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dossierCode"));
        RestAssured.get("/api/dossiers/{code}", code).then().statusCode(404);
    }

    @Test
    void aClientCodeInItsUnitsNamespaceIsKept() {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00"));
        body.put("dossierCode", "SADEC-P1.220301-00042");
        Dossiers.post(body).statusCode(201).body("code", equalTo("SADEC-P1.220301-00042"));
    }

    @Test
    void theLookupAnswersStatusAndDatesButNotTheDossierCode() {
        String lookupCode = Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00"))
                .statusCode(201).extract().path("lookupCode");
        RestAssured.given().header("X-Forwarded-For", "10.99.0.1").get("/api/dossiers/lookup/{code}", lookupCode)
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("dueDate", equalTo("2022-03-04"))
                .body("code", nullValue())
                .body("history", nullValue())
                .body(not(org.hamcrest.Matchers.containsString("SADEC-P1-220301")));
    }

    @Test
    void theLookupIsLimitedPerClientAddress() {
        String lookupCode = Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00"))
                .statusCode(201).extract().path("lookupCode");
        for (int i = 0; i < 10; i++) {
            lookup("10.99.1.1", lookupCode).statusCode(200);
        }
        lookup("10.99.1.1", lookupCode).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-3]"));
        lookup("10.99.1.2", lookupCode).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse lookup(String address, String lookupCode) {
        return RestAssured.given().header("X-Forwarded-For", address)
                .get("/api/dossiers/lookup/{code}", lookupCode).then();
    }

    private static Map<String, Object> withApplicant(Map<String, Object> applicant) {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00"));
        body.put("applicant", applicant);
        return body;
    }
}
