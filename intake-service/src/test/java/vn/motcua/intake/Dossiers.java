package vn.motcua.intake;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;
import java.util.UUID;

/** Request bodies and calls shared by the intake tests. */
public final class Dossiers {

    private Dossiers() {
    }

    public static Map<String, Object> direct(String procedureCode, String unitCode, String receivedAt) {
        return Map.of("procedureCode", procedureCode, "unitCode", unitCode, "channel", "DIRECT",
                "receivedAt", receivedAt, "applicant", applicant());
    }

    public static Map<String, Object> applicant() {
        return Map.of("name", "Nguyễn Thị Bích", "idNumber", "087190001234", "phone", "0912345678");
    }

    public static ValidatableResponse post(Object body) {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/dossiers").then();
    }

    public static String receive(String procedureCode, String unitCode, String receivedAt) {
        return post(direct(procedureCode, unitCode, receivedAt)).statusCode(201).extract().path("code");
    }

    public static ValidatableResponse step(String code, String step, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body)
                .post("/api/dossiers/{code}/" + step, code).then();
    }
}
