package vn.motcua.intake.messaging;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class OutboxPublishingTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyStepIsPublishedInOrderKeyedByDossierWithoutPersonalData() {
        String code = Dossiers.receive("1.004873", "SADEC-P1", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-01-11T10:00:00+07:00", "reason", "x"))
                .statusCode(200);
        Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-01-17T10:00:00+07:00")).statusCode(200);
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-19T16:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200);

        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = Dossiers.eventsOf(reader.until(all -> Dossiers.eventsOf(all, code).size() >= 4), code);

            assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.RECEIVED,
                    EventTypes.SUPPLEMENT_REQUESTED, EventTypes.SUPPLEMENT_RECEIVED, EventTypes.RESOLVED);
            assertThat(events).extracting(event -> EventCodec.dossierData(event).sequence()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(EventCodec.dossierData(events.get(1)).remainingWorkingDays()).isEqualTo(2);
            assertThat(EventCodec.dossierData(events.get(2)).dueDate()).hasToString("2022-01-19");
            assertThat(events.get(0).time()).hasToString("2022-01-10T09:00+07:00");
            for (ConsumerRecord<String, byte[]> record : reader.records()) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(record.key()).isEqualTo(EventCodec.read(record.value()).subject());
                assertThat(value).doesNotContain("Nguyễn Thị Bích", "087190001234", "0912345678", "applicant");
            }
        }
    }

    @Test
    void aRetriedPostCreatesOneDossierAndOneReceivedEvent() {
        Map<String, Object> body = Dossiers.direct("1.004873", "SADEC-P2", "2022-02-14T08:00:00+07:00");
        String first = post("retry-key-1", body);
        String second = post("retry-key-1", body);
        assertThat(second).isEqualTo(first);
        String marker = Dossiers.receive("1.004873", "SADEC-P2", "2022-02-14T09:00:00+07:00");

        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> !Dossiers.eventsOf(all, marker).isEmpty());
            assertThat(Dossiers.eventsOf(events, first)).hasSize(1);
        }
    }

    /** Kiosk retries racing each other: each insert finds the key taken by the first and answers its result. */
    @Test
    void concurrentRetriesWithOneKeyCreateOneDossierAndOneEvent() throws Exception {
        Map<String, Object> body = Dossiers.direct("1.004873", "SADEC-P2", "2022-02-14T10:00:00+07:00");
        ExecutorService kiosks = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(kiosks.submit(() -> post("racing-key-1", body)));
        }
        Set<String> codes = new HashSet<>();
        for (Future<String> answer : answers) {
            codes.add(answer.get());
        }
        kiosks.shutdown();
        assertThat(codes).hasSize(1);
        String code = codes.iterator().next();
        String marker = Dossiers.receive("1.004873", "SADEC-P2", "2022-02-14T11:00:00+07:00");
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> !Dossiers.eventsOf(all, marker).isEmpty());
            assertThat(Dossiers.eventsOf(events, code)).hasSize(1);
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            var rows = sql.executeQuery("SELECT count(*) FROM dossier WHERE request_hash = "
                    + "(SELECT request_hash FROM idempotency_key WHERE key LIKE '%:racing-key-1')");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    /** A commit-time failure after the dossier, its step, its event and its key were written leaves none of them. */
    @Test
    void aTransactionThatFailsAfterWritingTheDossierLeavesNoDossierAndNoEvent() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE OR REPLACE FUNCTION refuse_doomed() RETURNS trigger AS $$
                    BEGIN
                      IF NEW.code LIKE '%DOOMED%' THEN RAISE EXCEPTION 'refused at commit by the test'; END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""");
            sql.execute("DROP TRIGGER IF EXISTS refuse_doomed ON dossier");
            sql.execute("CREATE CONSTRAINT TRIGGER refuse_doomed AFTER INSERT ON dossier "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_doomed()");
        }
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P3", "2022-02-15T08:00:00+07:00"));
        body.put("dossierCode", "SADEC-P3.DOOMED-1");

        RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", "doomed-key").body(body)
                .post("/api/dossiers").then().statusCode(500).contentType("application/problem+json");

        RestAssured.get("/api/dossiers/SADEC-P3.DOOMED-1").then().statusCode(404);
        String marker = Dossiers.receive("1.004873", "SADEC-P3", "2022-02-15T09:00:00+07:00");
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> !Dossiers.eventsOf(all, marker).isEmpty());
            assertThat(Dossiers.eventsOf(events, "SADEC-P3.DOOMED-1")).isEmpty();
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            var rows = sql.executeQuery("SELECT (SELECT count(*) FROM outbox_event WHERE record_key = 'SADEC-P3.DOOMED-1')"
                    + " + (SELECT count(*) FROM dossier_step WHERE dossier_code = 'SADEC-P3.DOOMED-1')"
                    + " + (SELECT count(*) FROM idempotency_key WHERE key LIKE '%:doomed-key')");
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            sql.execute("DROP TRIGGER refuse_doomed ON dossier");
        }
    }

    @Test
    void theRelayDrainsTheOutboxPromptly() throws Exception {
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(Dossiers.receive("1.004873", "SADEC-P4", "2022-03-01T08:00:00+07:00"));
        }
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            reader.until(all -> codes.stream().allMatch(code -> !Dossiers.eventsOf(all, code).isEmpty()));
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            var rows = sql.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    private static String post(String key, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/dossiers").then().statusCode(201).extract().path("code");
    }
}
