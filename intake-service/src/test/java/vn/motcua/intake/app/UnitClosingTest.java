package vn.motcua.intake.app;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Rows;
import vn.motcua.intake.TestClock;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.store.OutboxRows;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Management;
import vn.motcua.testkit.TopicReader;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.intake.Dossiers.put;
import static vn.motcua.intake.Dossiers.step;

/**
 * Closing a unit into its successor (docs/time-and-counting.md, "Moving a closed unit's dossiers"): receipt refused
 * from the closing day, the dossiers that had not closed before it moved with a history step and one
 * {@code dossier.transferred} each, their deadlines as they were. Today is Thu 10/7/2025 in Vietnam unless a test
 * moves it.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class UnitClosingTest {

    private static final String PROCEDURE = "1.004873";

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    DossierTransfers transfers;

    private String city;
    private String old;
    private String successor;

    @BeforeEach
    void unitsOfTheirOwn() {
        clock.set(OffsetDateTime.parse("2025-07-10T10:00:00+07:00").toInstant());
        String prefix = "UC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        city = prefix + "CITY";
        old = prefix + "OLD";
        successor = prefix + "SUCC";
        put("/api/units/" + city, Map.of("name", "Thành phố thử")).statusCode(200);
        put("/api/units/" + old, Map.of("name", "Phường cũ", "parentCode", city)).statusCode(200);
        put("/api/units/" + successor, Map.of("name", "Phường mới", "parentCode", city)).statusCode(200);
    }

    @AfterEach
    void backToRealTime() {
        clock.release();
    }

    @Test
    void aClosingInForceMovesTheDossiersThatHadNotClosedBeforeItsDay() {
        String open = Dossiers.receive(PROCEDURE, old, "2025-06-02T09:00:00+07:00");
        String closedBefore = Dossiers.receive(PROCEDURE, old, "2025-06-03T09:00:00+07:00");
        step(closedBefore, "result", Map.of("resolvedAt", "2025-06-05T09:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200);
        String closedAfter = Dossiers.receive(PROCEDURE, old, "2025-06-04T09:00:00+07:00");
        step(closedAfter, "result", Map.of("resolvedAt", "2025-07-02T09:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200);
        String paused = Dossiers.receive(PROCEDURE, old, "2025-06-30T09:00:00+07:00");
        step(paused, "supplement-requests", Map.of("requestedAt", "2025-06-30T10:00:00+07:00",
                "reason", "Thiếu bản sao")).statusCode(200);
        JsonPath openBefore = dossier(open);
        JsonPath pausedBefore = dossier(paused);

        put("/api/units/" + old, Map.of("closed", true, "successorCode", successor, "effectiveFrom", "2025-07-01"))
                .statusCode(200);

        JsonPath moved = dossier(open);
        assertThat(moved.getString("unitCode")).isEqualTo(successor);
        assertThat(moved.getString("receivedAtUnit")).isEqualTo(old);
        assertThat(moved.getString("dueDate")).isEqualTo(openBefore.getString("dueDate"));
        assertThat(moved.getString("dueAt")).isEqualTo(openBefore.getString("dueAt"));
        assertThat(moved.getList("history.type")).last().isEqualTo(EventTypes.TRANSFERRED);
        assertThat(moved.getString("history[-1].at")).isEqualTo("2025-07-01T00:00:00+07:00");
        assertThat(moved.getString("history[-1].note")).isEqualTo(old + " → " + successor);
        assertThat(moved.getString("history[-1].recordedBy")).isEqualTo("intake-service");

        JsonPath stillPaused = dossier(paused);
        assertThat(stillPaused.getString("unitCode")).isEqualTo(successor);
        assertThat(stillPaused.getBoolean("paused")).isTrue();
        assertThat(stillPaused.getString("status")).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(stillPaused.getString("dueAt")).isEqualTo(pausedBefore.getString("dueAt"));
        assertThat(dossier(closedAfter).getString("unitCode")).isEqualTo(successor);
        assertThat(dossier(closedBefore).getString("unitCode")).isEqualTo(old);
        assertThat(dossier(closedBefore).getList("history.type")).doesNotContain(EventTypes.TRANSFERRED);

        DossierData event = transferredEvent(open);
        assertThat(event.unitCode()).isEqualTo(successor);
        assertThat(event.previousUnitCode()).isEqualTo(old);
        assertThat(event.receivedAtUnit()).isEqualTo(old);
        assertThat(event.transferredAt()).isEqualTo(OffsetDateTime.parse("2025-07-01T00:00:00+07:00"));
        assertThat(event.sequence()).isEqualTo(openBefore.getLong("history[-1].sequence") + 1);
        assertThat(event.dueAt()).isEqualTo(OffsetDateTime.parse(openBefore.getString("dueAt")));
        assertThat(transferredRows(closedBefore)).isZero();

        // Once: a later run finds nothing left to move.
        transfers.moveDue();
        for (String code : List.of(open, paused, closedAfter)) {
            assertThat(transferredRows(code)).as(code).isEqualTo(1);
        }
        // And it reaches the topic, as the consumers read it.
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            reader.until(all -> Dossiers.eventsOf(all, open).stream()
                    .anyMatch(e -> e.type().equals(EventTypes.TRANSFERRED)));
        }
    }

    @Test
    void fromTheClosingDayReceiptIsRefusedNamingTheSuccessor() {
        put("/api/units/" + old, Map.of("closed", true, "successorCode", successor, "effectiveFrom", "2025-07-01"))
                .statusCode(200);
        Dossiers.post(Dossiers.direct(PROCEDURE, old, "2025-07-01T08:00:00+07:00")).statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("unitCode"))).body("successorCode", equalTo(successor))
                .body("detail", containsString(successor));
        // Received the day before, entered late: taken, and moved at the next run.
        String late = Dossiers.receive(PROCEDURE, old, "2025-06-30T16:00:00+07:00");
        assertThat(transfers.moveDue()).isGreaterThanOrEqualTo(0);
        assertThat(dossier(late).getString("unitCode")).isEqualTo(successor);
        assertThat(transferredRows(late)).isEqualTo(1);
    }

    @Test
    void aClosingDatedAheadMovesWhenItsDayComesAndChainsFollow() {
        String further = city.replace("CITY", "LAST");
        put("/api/units/" + further, Map.of("name", "Phường sau cùng", "parentCode", city)).statusCode(200);
        String code = Dossiers.receive(PROCEDURE, old, "2025-07-07T09:00:00+07:00");
        put("/api/units/" + old, Map.of("closed", true, "successorCode", successor, "effectiveFrom", "2025-07-15"))
                .statusCode(200);
        put("/api/units/" + successor, Map.of("closed", true, "successorCode", further, "effectiveFrom", "2025-07-16"))
                .statusCode(200);
        transfers.moveDue();
        assertThat(dossier(code).getString("unitCode")).isEqualTo(old);

        clock.set(OffsetDateTime.parse("2025-07-20T08:00:00+07:00").toInstant());
        transfers.moveDue();

        JsonPath moved = dossier(code);
        assertThat(moved.getString("unitCode")).isEqualTo(further);
        assertThat(moved.getList("history.note")).containsSubsequence(old + " → " + successor,
                successor + " → " + further);
        List<DossierData> events = transferredEvents(code);
        assertThat(events).extracting(DossierData::previousUnitCode).containsExactly(old, successor);
        assertThat(events).extracting(DossierData::unitCode).containsExactly(successor, further);
        assertThat(events).extracting(DossierData::transferredAt).containsExactly(
                OffsetDateTime.parse("2025-07-15T00:00:00+07:00"), OffsetDateTime.parse("2025-07-16T00:00:00+07:00"));
        assertThat(events.get(1).sequence()).isEqualTo(events.get(0).sequence() + 1);
    }

    /**
     * Runs at once, as two instances and the schedule would (this instance's job in two threads, another instance's
     * in two more, all on the one database): every dossier moved once, one event each.
     */
    @Test
    void concurrentRunsMoveEachDossierOnce() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            codes.add(Dossiers.receive(PROCEDURE, old, "2025-07-08T09:00:00+07:00"));
        }
        put("/api/units/" + old, Map.of("closed", true, "successorCode", successor, "effectiveFrom", "2025-07-12"))
                .statusCode(200);
        clock.set(OffsetDateTime.parse("2025-07-12T00:00:01+07:00").toInstant());

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            DossierTransfers another = new DossierTransfers(Arc.container().instance(OutboxRows.class).get(),
                    Arc.container().instance(IntakeConfig.class).get(), Arc.container().instance(Scheduler.class).get(),
                    clock);
            List<Callable<Integer>> runs = List.of(transfers::moveDue, another::moveDue, transfers::moveDue,
                    another::moveDue);
            int moved = 0;
            for (Future<Integer> run : threads.invokeAll(runs)) {
                moved += run.get();
            }
            assertThat(moved).isLessThanOrEqualTo(codes.size()); // the schedule may have taken some
        } finally {
            threads.shutdownNow();
        }
        for (String code : codes) {
            assertThat(transferredRows(code)).as(code).isEqualTo(1);
            assertThat(dossier(code).getString("unitCode")).isEqualTo(successor);
        }
    }

    @Test
    void theJobReportsItsLivenessInHealth() {
        transfers.moveDue();
        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200)
                .body("checks.find { it.name == 'intake-service dossier transfers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'intake-service dossier transfers' }.data.stallAfterSeconds",
                        equalTo(300));
    }

    private static JsonPath dossier(String code) {
        return RestAssured.get("/api/dossiers/{code}", code).then().statusCode(200).extract().jsonPath();
    }

    private long transferredRows(String code) {
        return Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ? AND type = ?",
                code, EventTypes.TRANSFERRED);
    }

    private DossierData transferredEvent(String code) {
        List<DossierData> events = transferredEvents(code);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The dossier's transferred events as the outbox holds them, by sequence. */
    private List<DossierData> transferredEvents(String code) {
        List<DossierData> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload FROM outbox_event WHERE record_key = ? AND type = ? ORDER BY sequence")) {
            query.setString(1, code);
            query.setString(2, EventTypes.TRANSFERRED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CloudEvent event = EventCodec.read(rows.getString(1).getBytes(StandardCharsets.UTF_8));
                    events.add(EventCodec.dossierData(event));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return events;
    }
}
