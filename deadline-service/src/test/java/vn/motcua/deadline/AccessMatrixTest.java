package vn.motcua.deadline;

import vn.motcua.testkit.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.api.AlertBroadcaster;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.deadline.support.SseClient;
import vn.motcua.deadline.support.Topic;
import vn.motcua.security.Roles;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TestTokens;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call which endpoint, with real signed tokens checked against the JWKS of a WireMock OIDC server: one row
 * per endpoint and caller, read off as the matrix in docs/contracts.md. Refusals answer problem+json and open no stream. The
 * unit asked for is the ward SADEC-P2: its supervisor is SADEC's, its clerk its own; SADEC-P1's supervisor is the
 * caller of another unit, and a clerk in no unit group may read nothing.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AccessMatrixTest {

    /** The issuer the WireMock server's discovery document names. */
    static final String ISSUER = "https://server.example.com";
    static final String DASHBOARD = "http://localhost:8083";
    static final Duration WAIT = Duration.ofSeconds(60); // generous: two busy cores can take tens of seconds

    enum Caller {
        NO_TOKEN, KIOSK, CLERK, SUPERVISOR, ADMIN, OTHER_UNIT, NO_UNIT, EXPIRED, FORGED, FOREIGN_ISSUER,
        OTHER_AUDIENCE, OTHER_CLIENT
    }

    enum Outcome {
        ALLOWED(200), REDIRECTED_BACK(303), TO_LOGIN(302), UNAUTHENTICATED(401), FORBIDDEN(403);

        final int status;

        Outcome(int status) {
            this.status = status;
        }
    }

    record Row(String endpoint, Caller caller, Outcome outcome) {
        boolean isStream() {
            return endpoint.startsWith("/api/alerts/stream");
        }
    }

    static final String OVERDUE_UNIT = "/api/deadlines/overdue?unit=SADEC-P2";
    static final String OVERDUE_MINE = "/api/deadlines/overdue";
    static final String OVERDUE_ALL = "/api/deadlines/overdue?unit=ALL";
    static final String STREAM_UNIT = "/api/alerts/stream?unit=SADEC-P2";
    static final String STREAM_MINE = "/api/alerts/stream";
    static final String STREAM_ALL = "/api/alerts/stream?unit=ALL";
    static final String LOGIN = "/api/alerts/login?returnTo=" + DASHBOARD + "/";
    static final String LOGOUT = "/api/alerts/logout?returnTo=" + DASHBOARD + "/";

    /** The matrix: read a column as "who may call this", a row as "what this caller may do". */
    static List<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        for (String read : List.of(OVERDUE_UNIT, OVERDUE_MINE, STREAM_UNIT, STREAM_MINE)) {
            rows.add(new Row(read, Caller.NO_TOKEN, Outcome.UNAUTHENTICATED));
            rows.add(new Row(read, Caller.KIOSK, Outcome.FORBIDDEN));
            rows.add(new Row(read, Caller.CLERK, Outcome.ALLOWED));
            rows.add(new Row(read, Caller.SUPERVISOR, Outcome.ALLOWED));
            rows.add(new Row(read, Caller.ADMIN, Outcome.ALLOWED));
            // Their own unit, without naming it, is allowed; naming another is not.
            rows.add(new Row(read, Caller.OTHER_UNIT, read.contains("unit=") ? Outcome.FORBIDDEN : Outcome.ALLOWED));
            rows.add(new Row(read, Caller.NO_UNIT, Outcome.FORBIDDEN));
            rows.add(new Row(read, Caller.EXPIRED, Outcome.UNAUTHENTICATED));
            rows.add(new Row(read, Caller.FORGED, Outcome.UNAUTHENTICATED));
            rows.add(new Row(read, Caller.FOREIGN_ISSUER, Outcome.UNAUTHENTICATED));
            rows.add(new Row(read, Caller.OTHER_AUDIENCE, Outcome.UNAUTHENTICATED));
            rows.add(new Row(read, Caller.OTHER_CLIENT, Outcome.UNAUTHENTICATED));
        }
        for (String every : List.of(OVERDUE_ALL, STREAM_ALL)) {
            rows.add(new Row(every, Caller.NO_TOKEN, Outcome.UNAUTHENTICATED));
            rows.add(new Row(every, Caller.KIOSK, Outcome.FORBIDDEN));
            rows.add(new Row(every, Caller.CLERK, Outcome.FORBIDDEN));
            rows.add(new Row(every, Caller.SUPERVISOR, Outcome.FORBIDDEN));
            rows.add(new Row(every, Caller.ADMIN, Outcome.ALLOWED));
            rows.add(new Row(every, Caller.OTHER_UNIT, Outcome.FORBIDDEN));
            rows.add(new Row(every, Caller.NO_UNIT, Outcome.FORBIDDEN));
            rows.add(new Row(every, Caller.EXPIRED, Outcome.UNAUTHENTICATED));
            rows.add(new Row(every, Caller.FORGED, Outcome.UNAUTHENTICATED));
            rows.add(new Row(every, Caller.FOREIGN_ISSUER, Outcome.UNAUTHENTICATED));
            rows.add(new Row(every, Caller.OTHER_AUDIENCE, Outcome.UNAUTHENTICATED));
            rows.add(new Row(every, Caller.OTHER_CLIENT, Outcome.UNAUTHENTICATED));
        }
        // Login is a browser navigation: without a session it starts the code flow; any valid caller is sent back
        // (what it may then read is the stream's business). Logout never needs a login.
        rows.add(new Row(LOGIN, Caller.NO_TOKEN, Outcome.TO_LOGIN));
        rows.add(new Row(LOGOUT, Caller.NO_TOKEN, Outcome.REDIRECTED_BACK));
        for (Caller valid : List.of(Caller.KIOSK, Caller.CLERK, Caller.SUPERVISOR, Caller.ADMIN, Caller.OTHER_UNIT,
                Caller.NO_UNIT)) {
            rows.add(new Row(LOGIN, valid, Outcome.REDIRECTED_BACK));
            rows.add(new Row(LOGOUT, valid, Outcome.REDIRECTED_BACK));
        }
        for (Caller refused : List.of(Caller.EXPIRED, Caller.FORGED, Caller.FOREIGN_ISSUER, Caller.OTHER_AUDIENCE,
                Caller.OTHER_CLIENT)) {
            rows.add(new Row(LOGIN, refused, Outcome.UNAUTHENTICATED));
            rows.add(new Row(LOGOUT, refused, Outcome.UNAUTHENTICATED));
        }
        return rows;
    }

    @Inject
    TopicsConfig topics;
    @Inject
    AlertBroadcaster broadcaster;
    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @ConfigProperty(name = "keycloak.url")
    String keycloak;
    @TestHTTPResource("/")
    URL base;

    static boolean unitsPublished;
    static PrivateKey strangersKey;

    @BeforeAll
    static void aKeyTheServiceDoesNotKnow() throws Exception {
        unitsPublished = false;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        strangersKey = generator.generateKeyPair().getPrivate();
    }

    @BeforeEach
    void saDecKnownAndNoStreamOpen() {
        if (!unitsPublished) {
            try (Topic topic = new Topic(kafkaAdmin)) {
                Catalogue.publishUnits(topic, topics.catalogue(), Catalogue.SA_DEC);
            }
            unitsPublished = true;
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(RestAssured.given().auth().oauth2(token(Caller.ADMIN))
                .get("/api/deadlines/overdue?unit=SADEC-P2").statusCode()).isEqualTo(200));
        await().atMost(WAIT).until(() -> broadcaster.subscriberCount() == 0);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            Answer answer = row.isStream() ? stream(row) : get(row);
            String problem = check(row, answer);
            if (problem != null) {
                wrong.add(row + ": " + problem);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theServerEndsAStreamWhenItsTokenExpires() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // exp: seconds
        String shortLived = signed(user("supervisor-sadec", Roles.SUPERVISOR).claim("units", List.of("SADEC"))
                .expiresAt(expiry));
        try (SseClient stream = SseClient.open(base.toURI().resolve(STREAM_UNIT), null,
                Map.of("Authorization", "Bearer " + shortLived))) {
            await().atMost(WAIT).until(() -> stream.isSubscribed() || stream.status() >= 400);
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(stream::hasEnded);
            assertThat(Instant.now()).as("not ended before the token expired").isAfterOrEqualTo(expiry);
            assertThat(stream.lines()).contains(": authentication expired");
        }
        assertThat(broadcaster.subscriberCount()).isZero();
    }

    /** What went wrong with this row, or null. */
    private String check(Row row, Answer answer) {
        if (answer.status() != row.outcome().status) {
            return "status " + answer.status() + " " + answer.body();
        }
        boolean refused = row.outcome() == Outcome.UNAUTHENTICATED || row.outcome() == Outcome.FORBIDDEN;
        if (refused && !(answer.contentType().startsWith("application/problem+json")
                && answer.body().contains("\"status\":" + answer.status()))) {
            return "not problem+json: " + answer.contentType() + " " + answer.body();
        }
        if (row.outcome() == Outcome.UNAUTHENTICATED && !answer.wwwAuthenticate().startsWith("Bearer")) {
            return "no WWW-Authenticate: Bearer";
        }
        if (refused && row.isStream() && broadcaster.subscriberCount() != 0) {
            return "a refused stream was subscribed";
        }
        if (row.outcome() == Outcome.REDIRECTED_BACK && !answer.location().equals(DASHBOARD + "/")) {
            return "sent to " + answer.location();
        }
        if (row.outcome() == Outcome.TO_LOGIN && !answer.location().startsWith(keycloak + "/realms/quarkus")) {
            return "not sent to the login page but to " + answer.location();
        }
        return null;
    }

    record Answer(int status, String contentType, String body, String location, String wwwAuthenticate) {
    }

    private Answer get(Row row) {
        var request = RestAssured.given().redirects().follow(false);
        String token = token(row.caller());
        if (token != null) {
            request.auth().oauth2(token);
        }
        // Logout answers POST only (a GET is a 405, DashboardSessionTest).
        Response response = row.endpoint().startsWith("/api/alerts/logout")
                ? request.urlEncodingEnabled(false).post(row.endpoint())
                : request.urlEncodingEnabled(false).get(row.endpoint());
        return new Answer(response.statusCode(), String.valueOf(response.contentType()), response.asString(),
                String.valueOf(response.header("Location")), String.valueOf(response.header("WWW-Authenticate")));
    }

    /** The status once the headers came, then the stream closed; a refusal's body is read whole. */
    private Answer stream(Row row) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve(row.endpoint()))
                .header("Accept", "text/event-stream");
        String token = token(row.caller());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String wwwAuthenticate = response.headers().firstValue("WWW-Authenticate").orElse("");
        String body;
        try (InputStream in = response.body()) {
            body = response.statusCode() == 200 ? "" : new String(in.readAllBytes());
        }
        if (response.statusCode() == 200) {
            await().atMost(WAIT).until(() -> broadcaster.subscriberCount() == 0);
        }
        return new Answer(response.statusCode(), contentType, body, "", wwwAuthenticate);
    }

    /** A real token, signed as the row's caller would have it, or null for none. */
    static String token(Caller caller) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case KIOSK -> signed(user("service-account-kiosk-sadec-p1", Roles.KIOSK)
                    .claim("azp", "kiosk-sadec-p1").claim("unit", "SADEC-P1"));
            case CLERK -> signed(user("clerk-p2", Roles.CLERK).claim("units", List.of("SADEC-P2")));
            case SUPERVISOR -> signed(user("supervisor-sadec", Roles.SUPERVISOR).claim("units", List.of("SADEC")));
            case ADMIN -> signed(user("admin", Roles.ADMIN));
            case OTHER_UNIT -> signed(user("supervisor-p1", Roles.SUPERVISOR).claim("units", List.of("SADEC-P1")));
            case NO_UNIT -> signed(user("clerk-nounit", Roles.CLERK));
            case EXPIRED -> signed(user("supervisor-sadec", Roles.SUPERVISOR).claim("units", List.of("SADEC"))
                    .issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(600)));
            case FORGED -> user("supervisor-sadec", Roles.SUPERVISOR).claim("units", List.of("SADEC"))
                    .jws().keyId("1").sign(strangersKey);
            case FOREIGN_ISSUER -> signed(user("supervisor-sadec", Roles.SUPERVISOR)
                    .claim("units", List.of("SADEC")).issuer("https://keycloak.elsewhere.example/realms/motcua"));
            // An admin's token, not meant for this service: Keycloak's default audience only.
            case OTHER_AUDIENCE -> signed(user("admin", Roles.ADMIN).audience("account"));
            // An admin's token for the suite, from a client no service takes (Keycloak's admin-cli).
            case OTHER_CLIENT -> signed(user("admin", Roles.ADMIN).claim("azp", "admin-cli"));
        };
    }

    /** A staff member's claims as the realm issues them: the suite's audiences, the staff's client. */
    static JwtClaimsBuilder user(String name, String role) {
        return Jwt.issuer(ISSUER).subject(name).preferredUserName(name)
                .audience(TestTokens.AUDIENCES).claim("azp", TestTokens.STAFF_CLIENT)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(Duration.ofMinutes(5));
    }

    /** With the WireMock server's own key (smallrye.jwt.sign.key.location, set by its test resource). */
    static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign();
    }
}
