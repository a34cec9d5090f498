package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TestTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What a kiosk client must send (docs/contracts.md, "Idempotency-Key"): a key always, its own keys only (another
 * kiosk's same key is another dossier), never an ONLINE channel; and no client's dossier code may hold a number as
 * long as an ID number or a phone.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(OidcWiremockTestResource.class)
class KioskRulesTest {

    @Test
    void aKioskWithoutIdempotencyKeyIsRefusedNamingIt() {
        post(TestTokens.kiosk("SADEC-P1"), null, body("SADEC-P1")).statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        // Staff may still post without one (a clerk's form is sent once).
        post(TestTokens.user("clerk-p1", "clerk", "SADEC-P1"), null, body("SADEC-P1")).statusCode(201);
    }

    @Test
    void keysAreEachKiosksOwn() {
        String key = UUID.randomUUID().toString();
        String first = post(TestTokens.kiosk("SADEC-P1"), key, body("SADEC-P1")).statusCode(201).extract().path("code");
        String retry = post(TestTokens.kiosk("SADEC-P1"), key, body("SADEC-P1")).statusCode(201).extract().path("code");
        String other = post(TestTokens.kiosk("SADEC-P2"), key, body("SADEC-P2")).statusCode(201).extract().path("code");

        assertThat(retry).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aKioskMayNotClaimOnline() {
        Map<String, Object> online = body("SADEC-P1");
        online.put("channel", "ONLINE");
        online.put("onlineLevel", 4);
        post(TestTokens.kiosk("SADEC-P1"), UUID.randomUUID().toString(), online).statusCode(400)
                .body("errors.field", hasItem("channel"));
        Map<String, Object> postal = body("SADEC-P1");
        postal.put("channel", "POSTAL");
        post(TestTokens.kiosk("SADEC-P1"), UUID.randomUUID().toString(), postal).statusCode(201)
                .body("channel", equalTo("POSTAL"));
    }

    @Test
    void aDossierCodeMayNotHoldAnIdNumberOrAPhone() {
        String admin = TestTokens.user("admin-1", "admin");
        for (String code : new String[] {"SADEC-P1.087190001234", "SADEC-P1.K-0912345678", "SADEC-P1.123456789"}) {
            Map<String, Object> body = body("SADEC-P1");
            body.put("dossierCode", code);
            post(admin, UUID.randomUUID().toString(), body).statusCode(400)
                    .body("errors.field", hasItem("dossierCode"));
        }
        Map<String, Object> body = body("SADEC-P1");
        body.put("dossierCode", "SADEC-P1.K7-12345678-" + UUID.randomUUID().toString().substring(0, 4));
        post(admin, UUID.randomUUID().toString(), body).statusCode(201);
    }

    private static Map<String, Object> body(String unit) {
        return new HashMap<>(Map.of("procedureCode", "1.004873", "unitCode", unit, "channel", "DIRECT",
                "applicant", Map.of("name", "Nguyễn Thị Bích", "idNumber", "087190001234")));
    }

    private static ValidatableResponse post(String token, String key, Object body) {
        var request = RestAssured.given().contentType(ContentType.JSON).auth().oauth2(token).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/dossiers").then();
    }
}
