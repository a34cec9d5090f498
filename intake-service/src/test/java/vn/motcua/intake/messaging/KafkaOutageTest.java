package vn.motcua.intake.messaging;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.OutboxView;
import vn.motcua.testkit.DedicatedInfrastructure;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.InjectInfrastructure;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.ReadinessChecks;
import vn.motcua.testkit.TopicReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Kafka goes away for a while: intake stays ready and keeps answering, the outbox's gauges and health show the
 * backlog waiting and growing older, and every event goes out, in order, once it is back; then the backlog is 0.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KafkaOutageTest {

    @InjectInfrastructure
    DedicatedInfrastructure infrastructure;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void intakeGoesOnWhileKafkaIsDownAndEveryEventArrivesInOrderAfterwards() {
        List<String> before = receive(3, "2022-03-01T08:00:00+07:00");
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            reader.until(all -> before.stream().allMatch(code -> !Dossiers.eventsOf(all, code).isEmpty()));
        }

        infrastructure.kafka().suspend();
        List<String> during = receive(25, "2022-03-02T08:00:00+07:00");
        for (String code : during.subList(0, 10)) {
            Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-03-02T10:00:00+07:00", "reason", "x"))
                    .statusCode(200);
            Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-03-03T10:00:00+07:00"))
                    .statusCode(200);
            Dossiers.step(code, "result", Map.of("resolvedAt", "2022-03-04T10:00:00+07:00", "decision", "APPROVED"))
                    .statusCode(200);
        }
        // Ready all along: a load balancer keeps sending dossiers, the outbox keeps their events.
        Management.onManagementPort(() -> Readiness.assertUp(ReadinessChecks.DATABASE, CatalogueConsumerReadiness.NAME));
        assertThat(OutboxView.unsentRows(dataSource)).isGreaterThanOrEqualTo(55);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long unsent = OutboxView.unsentRows(dataSource);
            assertThat(OutboxView.gauge(OutboxView.BACKLOG)).isEqualTo(unsent);
            assertThat(OutboxView.wellnessData()).containsEntry("backlog", (int) unsent);
        });
        double waited = OutboxView.gauge(OutboxView.OLDEST_UNSENT_AGE);
        assertThat(waited).isPositive();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> OutboxView.gauge(OutboxView.OLDEST_UNSENT_AGE) > waited);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ((Number) OutboxView.wellnessData().get("oldestUnsentSeconds")).longValue() >= 1);
        // The relay keeps cycling through the outage: alive.
        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200)
                .body("checks.find { it.name == '" + OutboxRelayLiveness.NAME + "' }.status", is("UP"));

        infrastructure.kafka().restart();
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> during.stream().allMatch(code ->
                    distinctSequences(Dossiers.eventsOf(all, code)).size() == (during.indexOf(code) < 10 ? 4 : 1)));
            for (String code : during) {
                // Redelivery after an ambiguous failure may repeat an event, never reorder one.
                assertThat(distinctSequences(Dossiers.eventsOf(events, code))).isSorted();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(OutboxView.gauge(OutboxView.BACKLOG)).isZero();
            assertThat(OutboxView.gauge(OutboxView.OLDEST_UNSENT_AGE)).isZero();
            assertThat(OutboxView.wellnessData()).containsEntry("backlog", 0).containsEntry("oldestUnsentSeconds", 0);
        });
    }

    private static List<Long> distinctSequences(List<CloudEvent> events) {
        List<Long> sequences = new ArrayList<>();
        for (CloudEvent event : events) {
            long sequence = EventCodec.dossierData(event).sequence();
            if (sequences.isEmpty() || sequences.get(sequences.size() - 1) != sequence) {
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    private static List<String> receive(int count, String receivedAt) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(Dossiers.receive("1.004873", "SADEC-P1", receivedAt));
        }
        return codes;
    }
}
