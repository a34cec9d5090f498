package vn.motcua.deadline;

import vn.motcua.testkit.TestKafka;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.security.Roles;
import vn.motcua.testkit.InfrastructureResource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's way in, as a browser goes it: the login link sends it through the WireMock OIDC server's login
 * (the authorization code flow), back with a SameSite=Lax session cookie to the dashboard page it came from; that
 * cookie alone then opens the overdue list and the alert stream of the supervisor's units, from the dashboard's
 * origin with CORS credentials. Addresses off the dashboards' origins are refused (no open redirect).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class DashboardSessionTest {

    static final String PAGE = AccessMatrixTest.DASHBOARD + "/dashboard?unit=SADEC";
    /** The client the WireMock issuer's code flow knows, the test profile's quarkus.oidc.client-id. */
    static final String DASHBOARD_CLIENT = "quarkus-app";

    @OidcWireMock
    WireMockServer oidc;
    @Inject
    TopicsConfig topics;
    final Map<String, Object> kafkaAdmin = TestKafka.admin();

    StubMapping supervisorTokens;

    /**
     * Keycloak's answer to the code: SADEC's supervisor, roles in the access token, units in both tokens; the
     * dashboard's client (here the test issuer's quarkus-app) is their azp, and its audience mapper puts
     * deadline-service in both, beside the client itself in the ID token's aud.
     */
    @BeforeEach
    void theProviderIssuesASupervisorsTokens() {
        String accessToken = AccessMatrixTest.signed(AccessMatrixTest.user("supervisor-sadec", Roles.SUPERVISOR)
                .audience("deadline-service").claim("azp", DASHBOARD_CLIENT).claim("units", List.of("SADEC")));
        supervisorTokens = oidc.stubFor(post("/auth/realms/quarkus/token")
                .withRequestBody(containing("authorization_code"))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        Catalogue.publishUnits(kafkaAdmin, topics.catalogue(), Catalogue.SA_DEC); // a repeat changes nothing
        await().atMost(AccessMatrixTest.WAIT).untilAsserted(() -> assertThat(RestAssured.given()
                .auth().oauth2(AccessMatrixTest.token(AccessMatrixTest.Caller.ADMIN))
                .get("/api/deadlines/overdue?unit=SADEC-P2").statusCode()).isEqualTo(200));
    }

    private static String idToken() {
        return AccessMatrixTest.signed(Jwt.issuer(AccessMatrixTest.ISSUER).subject("supervisor-sadec")
                .preferredUserName("supervisor-sadec").audience(Set.of(DASHBOARD_CLIENT, "deadline-service"))
                .claim("azp", DASHBOARD_CLIENT).claim("units", List.of("SADEC"))
                .expiresIn(Duration.ofMinutes(5)));
    }

    @AfterEach
    void removeStub() {
        oidc.removeStub(supervisorTokens);
    }

    @Test
    void theLoginLinkLogsInThroughTheProviderAndTheSessionCookieAloneReadsTheSupervisorsUnits() {
        Response start = browser(Map.of()).queryParam("returnTo", PAGE).get("/api/alerts/login");
        assertThat(start.statusCode()).isEqualTo(302);
        URI provider = URI.create(start.header("Location"));
        Map<String, String> asked = query(provider);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "quarkus-app");

        // The provider's login form posts to /login, which sends the browser back with a code.
        Response loggedIn = RestAssured.given().redirects().follow(false)
                .queryParam("state", asked.get("state")).queryParam("redirect_uri", asked.get("redirect_uri"))
                .get(oidc.baseUrl() + "/login");
        Response callback = browser(cookies(start)).urlEncodingEnabled(false).get(loggedIn.header("Location"));
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
        List<String> sessionCookies = callback.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("q_session")).toList();
        assertThat(sessionCookies).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));

        Map<String, String> session = cookies(callback);
        Response back = browser(session).urlEncodingEnabled(false).get(callback.header("Location"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo(PAGE);

        // The dashboard's fetch(…, {credentials: 'include'}) and EventSource(…, {withCredentials: true}).
        Response list = browser(session).header("Origin", AccessMatrixTest.DASHBOARD)
                .get("/api/deadlines/overdue?unit=SADEC-P2");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo(AccessMatrixTest.DASHBOARD);
        assertThat(list.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(browser(session).get("/api/deadlines/overdue").statusCode()).as("its own units").isEqualTo(200);
        Response elsewhere = browser(session).get("/api/deadlines/overdue?unit=ALL");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");

        // A link cannot log the supervisor out: a GET is refused and the session still reads.
        Response linked = browser(session).queryParam("returnTo", PAGE).get("/api/alerts/logout");
        assertThat(linked.statusCode()).isEqualTo(405);
        assertThat(linked.contentType()).startsWith("application/problem+json");
        assertThat(linked.headers().getValues("Set-Cookie")).noneSatisfy(cookie ->
                assertThat(cookie).startsWith("q_session").containsIgnoringCase("Max-Age=0"));
        assertThat(browser(session).get("/api/deadlines/overdue").statusCode()).as("still logged in").isEqualTo(200);

        Response logout = browser(session).queryParam("returnTo", PAGE).post("/api/alerts/logout");
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(query(URI.create(logout.header("Location")))).containsEntry("post_logout_redirect_uri", PAGE);
        assertThat(logout.headers().getValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("q_session").containsIgnoringCase("Max-Age=0"));
    }

    /**
     * The session's access token must name deadline-service too (the realm's audience mapper on motcua-dashboard
     * puts it in both tokens): a login whose access token is for another audience opens no session.
     */
    @Test
    void aLoginWhoseAccessTokenIsNotForThisServiceOpensNoSession() {
        String accessToken = AccessMatrixTest.signed(AccessMatrixTest.user("supervisor-sadec", Roles.SUPERVISOR)
                .audience("account").claim("azp", DASHBOARD_CLIENT).claim("units", List.of("SADEC")));
        StubMapping otherAudience = oidc.stubFor(post("/auth/realms/quarkus/token")
                .withRequestBody(containing("authorization_code"))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        try {
            Response start = browser(Map.of()).queryParam("returnTo", PAGE).get("/api/alerts/login");
            Map<String, String> asked = query(URI.create(start.header("Location")));
            Response loggedIn = RestAssured.given().redirects().follow(false)
                    .queryParam("state", asked.get("state")).queryParam("redirect_uri", asked.get("redirect_uri"))
                    .get(oidc.baseUrl() + "/login");
            Response callback = browser(cookies(start)).urlEncodingEnabled(false).get(loggedIn.header("Location"));

            assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(401);
            assertThat(callback.headers().getValues("Set-Cookie")).noneSatisfy(cookie ->
                    assertThat(cookie).startsWith("q_session").doesNotContainIgnoringCase("Max-Age=0"));
            assertThat(browser(cookies(callback)).get("/api/deadlines/overdue").statusCode()).isEqualTo(401);
        } finally {
            oidc.removeStub(otherAudience);
        }
    }

    @Test
    void anotherSiteIsNeverAPlaceToReturnTo() {
        for (String elsewhere : List.of("https://evil.example/", "http://localhost:8083.evil.example/",
                "http://localhost:8083@evil.example/", "//evil.example/", "/relative", "javascript:alert(1)")) {
            Response refused = RestAssured.given().redirects().follow(false)
                    .auth().oauth2(AccessMatrixTest.token(AccessMatrixTest.Caller.SUPERVISOR))
                    .queryParam("returnTo", elsewhere).get("/api/alerts/login");
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Location")).isNull();
            assertThat(RestAssured.given().redirects().follow(false).queryParam("returnTo", elsewhere)
                    .post("/api/alerts/logout").statusCode()).as(elsewhere).isEqualTo(400);
        }
    }

    @Test
    void anOriginThatIsNoDashboardGetsNoCorsGrant() {
        Response response = RestAssured.given().header("Origin", "https://evil.example")
                .auth().oauth2(AccessMatrixTest.token(AccessMatrixTest.Caller.SUPERVISOR))
                .get("/api/deadlines/overdue");
        assertThat(response.header("Access-Control-Allow-Origin")).isNotEqualTo("https://evil.example");
    }

    private static io.restassured.specification.RequestSpecification browser(Map<String, String> cookies) {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    private static Map<String, String> cookies(Response response) {
        Map<String, String> cookies = new LinkedHashMap<>(response.cookies());
        cookies.values().removeIf(String::isEmpty);
        return cookies;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
