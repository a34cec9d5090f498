package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.infra.KeycloakTokens;
import vn.motcua.testkit.TopicReader;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor's alert stream on the packaged suite, as docs/contracts.md describes it: reconnecting with
 * {@code Last-Event-ID} after a burst of 1,100 alerts of another unit, a ward supervisor gets the 3 alerts of its
 * own ward that fell due meanwhile and none of the other unit's; and a stream opened with a token that expires after
 * 2 seconds is ended by the server once it has.
 */
class SupervisorStreamIT {

    private static final String WARD = "SADEC-P1";
    private static final String OTHER = "E2E-BURST-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    private static final int BURST = 1_100;
    private static final Duration ARRIVAL = Duration.ofSeconds(120);

    private static Suite suite;
    private static String admin;

    @BeforeAll
    static void aUnitOfItsOwnForTheBurst() throws Exception {
        suite = Suite.shared();
        admin = suite.tokens.user("admin");
        Http.Answer unit = Http.put(suite.intake.url("/api/units/" + OTHER), admin,
                "{\"name\": \"Đơn vị của loạt cảnh báo\"}");
        assertThat(unit.status()).as("PUT unit: %s", unit.body()).isEqualTo(200);
    }

    @Test
    void a_reconnecting_supervisor_gets_its_wards_missed_alerts_and_none_of_another_units_burst() throws Exception {
        String supervisor = suite.tokens.user("supervisor-p1");
        String streamUrl = suite.deadline.url("/api/alerts/stream?unit=" + WARD);
        String first = overdueDossier(WARD);
        String lastEventId;
        try (AlertStream stream = new AlertStream(streamUrl, supervisor)) {
            assertThat(stream.status()).isEqualTo(200);
            lastEventId = await("the first alert on the ward's stream").atMost(ARRIVAL)
                    .until(() -> idOfAlertFor(stream.alerts(), first), id -> id != null);
        }

        List<String> burst = postConcurrently(OTHER, BURST);
        List<String> missed = List.of(overdueDossier(WARD), overdueDossier(WARD), overdueDossier(WARD));
        try (TopicReader<JsonNode> alerts = new TopicReader<>(suite.kafka.adminConnection(), suite.deadlineAlerts,
                Http::json)) {
            Set<String> expected = new java.util.HashSet<>(burst);
            expected.addAll(missed);
            await("every overdue alert of the burst and the ward published").atMost(ARRIVAL)
                    .until(() -> overdueCodes(alerts.values()).containsAll(expected));
        }

        try (AlertStream again = new AlertStream(streamUrl, supervisor, lastEventId)) {
            assertThat(again.status()).isEqualTo(200);
            await("the ward's missed alerts replayed").atMost(ARRIVAL)
                    .until(() -> overdueCodes(again.alerts()).containsAll(missed));
            assertThat(overdueCodes(again.alerts())).as("none of the other unit's burst").doesNotContainAnyElementsOf(burst);
            assertThat(again.alerts()).extracting(alert -> alert.path("data").path("unitCode").asText())
                    .containsOnly(WARD);
        }
    }

    @Test
    void a_stream_opened_with_a_two_second_token_ends_once_the_token_has_expired() throws Exception {
        for (int attempt = 1; ; attempt++) {
            String shortLived = new KeycloakTokens(suite.keycloak.tokenEndpoint())
                    .password("motcua-test-short-lived", "supervisor-p1", "supervisor-p1").value();
            try (AlertStream stream = new AlertStream(suite.deadline.url("/api/alerts/stream?unit=" + WARD),
                    shortLived)) {
                if (stream.status() == 401 && attempt < 5) {
                    continue; // on a busy machine the 2 seconds can pass before the stream opens: a new token
                }
                assertThat(stream.status()).isEqualTo(200);
                await("the server ends the stream").atMost(Duration.ofSeconds(30)).until(stream::ended);
                return;
            }
        }
    }

    /** A dossier of {@code unit} received 30 days ago for a 3-working-day procedure: overdue at once. */
    private static String overdueDossier(String unit) throws Exception {
        String code = unit + ".E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String receivedAt = OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusDays(30).withHour(9).withMinute(0)
                .withSecond(0).withNano(0).toString();
        String json = """
                {"procedureCode": "1.004873", "unitCode": "%s", "channel": "DIRECT", "receivedAt": "%s",
                 "dossierCode": "%s", "applicant": {"name": "Phạm Văn Thử", "idNumber": "087000000002"}}
                """.formatted(unit, receivedAt, code);
        Http.Answer slip = Http.post(suite.intake.url("/api/dossiers"), admin, json, "e2e-" + code);
        assertThat(slip.status()).as("POST %s: %s", code, slip.body()).isEqualTo(201);
        return code;
    }

    private static List<String> postConcurrently(String unit, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> posted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                posted.add(pool.submit(() -> overdueDossier(unit)));
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> code : posted) {
                codes.add(code.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String idOfAlertFor(List<JsonNode> alerts, String code) {
        return alerts.stream().filter(alert -> alert.path("data").path("dossierCode").asText().equals(code))
                .map(alert -> alert.path("id").asText()).findFirst().orElse(null);
    }

    private static Set<String> overdueCodes(List<JsonNode> alerts) {
        return alerts.stream().filter(alert -> alert.path("type").asText().equals("deadline.overdue"))
                .map(alert -> alert.path("data").path("dossierCode").asText()).collect(Collectors.toSet());
    }
}
