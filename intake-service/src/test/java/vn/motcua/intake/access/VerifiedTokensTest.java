package vn.motcua.intake.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Rows;
import vn.motcua.security.VerifiedTokenCache;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TestTokens;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A kiosk's token is verified once and then taken until its {@code exp} (service-kit's
 * {@code CachedTokenIdentityProvider}, on in intake): taken again as the same caller, refused once expired although it
 * was kept, and a token one signature byte apart is verified on its own and refused. Real tokens signed with the key
 * of the WireMock issuer; same resources as {@link AccessMatrixTest}, so all run on one started service.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(OidcWiremockTestResource.class)
class VerifiedTokensTest {

    /** The issuer OidcWiremockTestResource announces, as in testkit's TestTokens. */
    private static final String ISSUER = "https://server.example.com";

    @Inject
    MeterRegistry meters;

    @Inject
    DataSource dataSource;

    @Test
    void aTokenAcceptedOnceIsTakenAgainFromTheCacheAsTheSameCaller() {
        String token = kioskToken("SADEC-P1", Duration.ofMinutes(5));
        post(token, "SADEC-P1").statusCode(201);
        double hitsBefore = hits();

        String code = post(token, "SADEC-P1").statusCode(201).extract().path("code");

        assertThat(hits()).as("the second request a hit").isEqualTo(hitsBefore + 1);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM dossier_step WHERE dossier_code = ? AND sequence = 1 "
                + "AND recorded_by = 'service-account-kiosk-sadec-p1' AND recorded_by_azp = 'kiosk-sadec-p1'", code))
                .as("recorded as the kiosk").isEqualTo(1);
        // The kept identity keeps its unit and role: the kiosk of SADEC-P1 still may not post for SADEC-P2.
        post(token, "SADEC-P2").statusCode(403);
    }

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = kioskToken("SADEC-P1", Duration.ofSeconds(3));
        Instant exp = Instant.ofEpochSecond(expiryOf(token));
        post(token, "SADEC-P1").statusCode(201);
        double hitsBefore = hits();
        post(token, "SADEC-P1").statusCode(201);
        assertThat(hits()).as("kept").isEqualTo(hitsBefore + 1);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), exp).toMillis()) + 500);

        refused(post(token, "SADEC-P1"));
    }

    @Test
    void aTokenWithOneSignatureByteChangedIsRefusedWhileTheTrueOneIsTaken() {
        String token = kioskToken("SADEC-P1", Duration.ofMinutes(5));
        post(token, "SADEC-P1").statusCode(201);

        refused(post(withOneSignatureByteChanged(token), "SADEC-P1"));
        refused(post(withOneSignatureByteChanged(token), "SADEC-P1"));

        post(token, "SADEC-P1").statusCode(201);
    }

    @Test
    void refusedTokensStayRefusedWhenSentAgain() {
        for (int i = 0; i < 2; i++) {
            refused(post(TestTokens.forged(), "SADEC-P1"));
            refused(post(TestTokens.expired(), "SADEC-P1"));
            refused(post(TestTokens.otherClient(), "SADEC-P1"));
        }
    }

    /** A kiosk token as the realm issues it, with a fresh {@code jti} so that no other test has kept it. */
    private static String kioskToken(String unit, Duration lifetime) {
        String client = "kiosk-" + unit.toLowerCase();
        return Jwt.claims().preferredUserName("service-account-" + client).subject("service-account-" + client)
                .issuer(ISSUER).audience(TestTokens.AUDIENCES).claim("azp", client).claim("unit", unit)
                .claim("realm_access", Map.of("roles", List.of("kiosk"))).claim("jti", UUID.randomUUID().toString())
                .expiresIn(lifetime).sign();
    }

    /** The same header and claims, the signature's middle byte changed (not its last character, which may be padding). */
    private static String withOneSignatureByteChanged(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static long expiryOf(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return new JsonObject(claims).getLong("exp");
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(401).contentType(startsWith("application/problem+json")).body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    private double hits() {
        return meters.get("cache.gets").tag("cache", VerifiedTokenCache.NAME).tag("result", "hit")
                .functionCounter().count();
    }

    private static ValidatableResponse post(String token, String unit) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("procedureCode", "1.004873", "unitCode", unit, "channel", "DIRECT",
                        "applicant", Map.of("name", "Nguyễn Thị Bích", "idNumber", "087190001234",
                                "phone", "0912345678")))
                .post("/api/dossiers").then();
    }
}
