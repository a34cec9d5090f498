package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Html;
import vn.motcua.intake.OnWednesday12January2022;
import vn.motcua.intake.Rows;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TestTokens;
import vn.motcua.testkit.TopicReader;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Receipt across boundaries ({@code receivedAtUnit}): a counter of one commune receives for another unit of the same
 * province, the caller being staff of the counter; another province, an unknown counter or one not existing on the
 * receipt day is a 400 naming {@code receivedAtUnit}, a counter that is not the caller's a 403, each with nothing
 * written. The clock stands at Wed 12/1/2022 10:00.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(OidcWiremockTestResource.class)
class ReceivingCounterTest extends OnWednesday12January2022 {

    private static final String ADMIN = TestTokens.user("admin-1", "admin");

    @Inject
    DataSource dataSource;

    @Test
    void aCounterOfOneCommuneReceivesForAnotherOfTheProvince() {
        String kiosk = TestTokens.kiosk("SADEC-P1");
        ValidatableResponse answer = post(kiosk, body("SADEC-P2", "SADEC-P1")).statusCode(201)
                .body("unitCode", equalTo("SADEC-P2")).body("receivedAtUnit", equalTo("SADEC-P1"));
        String code = answer.extract().path("code");
        String lookup = answer.extract().path("lookupCode");

        String clerkP1 = TestTokens.user("clerk-p1", "clerk", "SADEC-P1");
        RestAssured.given().header("Authorization", "Bearer " + clerkP1).get("/api/dossiers/{code}", code).then()
                .statusCode(200).body("receivedAtUnit", equalTo("SADEC-P1")).body("unitCode", equalTo("SADEC-P2"));
        String slip = RestAssured.given().header("Authorization", "Bearer " + kiosk)
                .get("/api/dossiers/{code}/slip", code).then().statusCode(200).extract().asString();
        assertThat(Html.text(slip, "slip-unit")).isEqualTo("UBND Phường 1");
        assertThat(Html.text(slip, "slip-handling-unit")).isEqualTo("UBND Phường 2");
        // The citizens' page names the unit handling it.
        String page = RestAssured.given().header("X-Forwarded-For", "10.15.0.1").get("/tra-cuu?ma=" + lookup).then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("UBND Phường 2");

        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> !Dossiers.eventsOf(all, code).isEmpty());
            CloudEvent received = Dossiers.eventsOf(events, code).get(0);
            assertThat(received.type()).isEqualTo(EventTypes.RECEIVED);
            DossierData data = EventCodec.dossierData(received);
            assertThat(data.unitCode()).isEqualTo("SADEC-P2");
            assertThat(data.receivedAtUnit()).isEqualTo("SADEC-P1");
        }
    }

    @Test
    void withoutItTheCounterIsTheHandlingUnitAndEveryEventSaysSo() {
        String code = post(ADMIN, body("SADEC-P3", null)).statusCode(201)
                .body("receivedAtUnit", equalTo("SADEC-P3")).extract().path("code");
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> !Dossiers.eventsOf(all, code).isEmpty());
            assertThat(EventCodec.dossierData(Dossiers.eventsOf(events, code).get(0)).receivedAtUnit())
                    .isEqualTo("SADEC-P3");
        }
    }

    @Test
    void onlyTheCountersOwnStaffReceiveAtIt() {
        long before = writes();
        // A kiosk of the handling unit, a clerk of the handling unit: not their counter.
        post(TestTokens.kiosk("SADEC-P2"), body("SADEC-P2", "SADEC-P1")).statusCode(403)
                .contentType("application/problem+json");
        post(TestTokens.user("clerk-p2", "clerk", "SADEC-P2"), body("SADEC-P2", "SADEC-P1")).statusCode(403);
        // A clerk of the city acts for the counter of its ward.
        assertThat(writes()).isEqualTo(before);
        post(TestTokens.user("clerk-sadec", "clerk", "SADEC"), body("SADEC-P2", "SADEC-P1")).statusCode(201);
    }

    @Test
    void anotherProvinceAnUnknownCounterOrOneNotExistingYetIsRefused() {
        String province = "RC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN)
                .body(Map.of("name", "Tỉnh khác")).put("/api/units/" + province).then().statusCode(200);
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN)
                .body(Map.of("name", "Xã của tỉnh khác", "parentCode", province))
                .put("/api/units/" + province + "-X").then().statusCode(200);
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN)
                .body(Map.of("name", "Phường mới", "parentCode", "SADEC", "effectiveFrom", "2022-02-01"))
                .put("/api/units/" + province + "-LATER").then().statusCode(200);
        long before = writes();

        for (String counter : List.of(province + "-X", province + "-NONE", province + "-LATER", "sadec-p1")) {
            post(ADMIN, body("SADEC-P2", counter)).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("receivedAtUnit")));
        }
        assertThat(writes()).isEqualTo(before);
    }

    private static Map<String, Object> body(String unitCode, String receivedAtUnit) {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", unitCode, "2022-01-10T09:00:00+07:00"));
        if (receivedAtUnit != null) {
            body.put("receivedAtUnit", receivedAtUnit);
        }
        return body;
    }

    private static ValidatableResponse post(String token, Map<String, Object> body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/dossiers").then();
    }

    private long writes() {
        return Rows.number(dataSource, "SELECT (SELECT count(*) FROM dossier) + (SELECT count(*) FROM dossier_step)");
    }
}
