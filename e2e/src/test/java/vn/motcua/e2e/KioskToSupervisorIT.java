package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import vn.motcua.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged suite end to end, as separate processes on real Kafka, PostgreSQL and MongoDB: a kiosk POSTs a
 * dossier, and it reaches the event stream, a supervisor's overdue alert on {@code deadline-alerts}, deadline's
 * overdue list and the dashboard's report. The dossier was handed in on Wednesday 1 March 2023 for a
 * 3-working-day procedure, so it was due on Monday 6 March at 17:00 and is long overdue. (2023, so that the
 * demo's 2022 figures in {@link SaDecDemoIT}, on the same services, stay exact.)
 */
class KioskToSupervisorIT {

    private static final String OVERDUE_UNIT = "SADEC-P3";
    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.shared();
    }

    @Test
    void a_kiosk_dossier_gets_its_appointment_and_is_published() throws Exception {
        String code = "SADEC-P2.E2E-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer slip = receive(code, "SADEC-P2", "2023-03-01T09:00:00+07:00");

        assertThat(slip.status()).isEqualTo(201);
        assertThat(slip.body().path("dueAt").asText()).isEqualTo("2023-03-06T17:00:00+07:00");
        try (TopicReader<JsonNode> events = new TopicReader<>(suite.kafka.adminConnection(), suite.dossierEvents, Http::json)) {
            await("dossier.received on " + suite.dossierEvents).atMost(Duration.ofSeconds(30))
                    .until(() -> events.values().stream().anyMatch(e -> isFor(e, code, "dossier.received")));
        }
    }

    /** The overdue alert on Kafka and the overdue list. */
    @Test
    void an_overdue_dossier_alerts_supervisors_on_kafka_and_in_the_overdue_list() throws Exception {
        String code = OVERDUE_UNIT + ".E2E-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(receive(code, OVERDUE_UNIT, "2023-03-01T09:00:00+07:00").status()).isEqualTo(201);

        try (TopicReader<JsonNode> alerts = new TopicReader<>(suite.kafka.adminConnection(), suite.deadlineAlerts, Http::json)) {
            await("deadline.overdue for " + code).atMost(Duration.ofSeconds(60))
                    .until(() -> alerts.values().stream().anyMatch(e -> isFor(e, code, "deadline.overdue")));
        }
        await("overdue list of " + OVERDUE_UNIT).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Answer overdue = Http.get(suite.deadline.url("/api/deadlines/overdue?unit=" + OVERDUE_UNIT),
                    suite.tokens.user("supervisor-sadec"));
            assertThat(overdue.status()).isEqualTo(200);
            assertThat(overdue.body().toString()).contains(code);
        });
    }

    /** The dossier counts in the H1 report as received and pending overdue. */
    @Test
    void the_dashboard_report_counts_the_overdue_dossier() throws Exception {
        String code = "SADEC-TPD.E2E-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(receive(code, "SADEC-TPD", "2023-03-01T09:00:00+07:00").status()).isEqualTo(201);

        await("2023-H1 report of SADEC-TPD").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Answer report = Http.get(suite.stats.url("/api/stats/reports/2023-H1?unit=SADEC-TPD"));
            assertThat(report.status()).isEqualTo(200);
            JsonNode body = report.body();
            assertThat(body.path("received").path("total").asLong()).isEqualTo(1);
            assertThat(body.path("received").path("newDirectOrPostal").asLong()).isEqualTo(1);
            assertThat(body.path("pending").path("overdue").asLong()).isEqualTo(1);
            assertThat(body.path("summary").path("lateOrOverdue").asLong()).isEqualTo(1);
        });
    }

    private static Http.Answer receive(String code, String unit, String receivedAt) throws Exception {
        String json = """
                {"procedureCode": "1.004873", "unitCode": "%s", "channel": "DIRECT",
                 "receivedAt": "%s", "dossierCode": "%s",
                 "applicant": {"name": "Nguyễn Văn An", "idNumber": "087090001234", "phone": "0912345678"}}
                """.formatted(unit, receivedAt, code);
        return Http.post(suite.intake.url("/api/dossiers"), suite.tokens.kiosk(unit), json, "e2e-" + code);
    }

    private static boolean isFor(JsonNode event, String code, String type) {
        return code.equals(event.path("subject").asText()) && type.equals(event.path("type").asText());
    }
}
