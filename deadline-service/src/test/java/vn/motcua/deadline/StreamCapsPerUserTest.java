package vn.motcua.deadline;

import vn.motcua.testkit.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.api.AlertBroadcaster;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.deadline.support.SseClient;
import vn.motcua.deadline.support.Topic;
import vn.motcua.events.EventCodec;
import vn.motcua.security.Roles;
import vn.motcua.testkit.InfrastructureResource;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-user cap of the alert stream, with real tokens (AccessMatrixTest's): one user's streams beyond
 * {@code max-per-user} are refused with 429 in the problem shape while another user from the same address still
 * gets one; the per-address and total caps are set above it, so only the user's count can refuse.
 */
@QuarkusTest
@TestProfile(StreamCapsPerUserTest.TwoPerUser.class)
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class StreamCapsPerUserTest {

    static final int PER_USER = 2;
    static final Duration WAIT = Duration.ofSeconds(30);

    public static class TwoPerUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.alerts.stream.max-per-user", String.valueOf(PER_USER),
                    "motcua.alerts.stream.max-per-client", "10",
                    "motcua.alerts.stream.max-connections", "10");
        }
    }

    @Inject
    TopicsConfig topics;
    @Inject
    AlertBroadcaster broadcaster;
    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @TestHTTPResource("/")
    URL base;

    @Test
    void oneUsersStreamsBeyondItsCapAreRefusedWhileAnotherUserStillGetsOne() throws Exception {
        try (Topic topic = new Topic(kafkaAdmin)) {
            Catalogue.publishUnits(topic, topics.catalogue(), Catalogue.SA_DEC);
        }
        String supervisor = AccessMatrixTest.signed(AccessMatrixTest.user("supervisor-sadec", Roles.SUPERVISOR)
                .claim("units", List.of("SADEC")));
        String other = AccessMatrixTest.signed(AccessMatrixTest.user("supervisor-p1", Roles.SUPERVISOR)
                .claim("units", List.of("SADEC-P1")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(RestAssured.given().auth().oauth2(supervisor)
                .get("/api/deadlines/overdue?unit=SADEC-P2").statusCode()).isEqualTo(200));

        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_USER; i++) {
                open.add(SseClient.open(uri("/api/alerts/stream"), null, Map.of("Authorization", "Bearer " + supervisor)));
            }
            await().atMost(WAIT).until(() -> open.stream().allMatch(SseClient::isSubscribed));

            HttpResponse<String> refused = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                            uri("/api/alerts/stream")).header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + supervisor).build(),
                    HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            Map<String, Object> problem = EventCodec.mapper().readValue(refused.body(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            assertThat(problem).containsEntry("status", 429).containsEntry("instance", "/api/alerts/stream");
            assertThat(broadcaster.subscriberCount()).isEqualTo(PER_USER);

            SseClient another = SseClient.open(uri("/api/alerts/stream"), null, Map.of("Authorization", "Bearer " + other));
            open.add(another);
            await().atMost(WAIT).until(() -> another.isSubscribed() || another.status() >= 400);
            assertThat(another.status()).as("another user from the same address").isEqualTo(200);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }
}
