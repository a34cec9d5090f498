package vn.motcua.deadline;

import java.util.Map;
import vn.motcua.testkit.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.messaging.AlertStreamConsumer;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.PrefilledCatalogue;
import vn.motcua.deadline.support.SseClient;
import vn.motcua.deadline.support.TestClock;
import vn.motcua.deadline.support.Topic;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.security.Roles;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Units over time on the real Kafka and PostgreSQL (docs/time-and-counting.md, "Units over time"): ward MERGED-A
 * closed today into MERGED-B, both under Sa Đéc; its dossiers come to B by dossier.transferred, and B's supervisors
 * see them from then on, in the overdue list and the alert stream. Scopes are read on today's tree by the service's
 * clock, which these tests move forward (and release) to reach a day a move was dated for.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@WithTestResource(value = PrefilledCatalogue.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class UnitsOverTimeTest {

    static final Duration WAIT = Duration.ofSeconds(60); // generous: two busy cores can take tens of seconds
    static final String WARD_A = "MERGED-A";
    static final String WARD_B = "MERGED-B";
    static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);

    @Inject
    TopicsConfig topics;
    @Inject
    TestClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    AlertStreamConsumer feed;
    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @TestHTTPResource("/")
    URL base;

    static Topic topic;

    @BeforeEach
    void wardAClosedTodayIntoWardB() {
        // Version 1 each: published again by the next test, it changes nothing.
        publish(new UnitData(WARD_A, "UBND " + WARD_A, "SADEC", 1, List.of(
                        UnitState.open(null, "UBND " + WARD_A, "SADEC"),
                        new UnitState(TODAY, "UBND " + WARD_A, "SADEC", true, WARD_B))),
                Catalogue.unit(WARD_B, "SADEC"));
        // Read from the table, not asked for: a supervisor of B may not ask for A.
        eventually().until(() -> storedUnits(WARD_A, WARD_B) == 2);
    }

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    @Test
    void anOverdueDossierTransferredToTheSuccessorLeavesTheClosedWardsListAndAlertsAtTheSuccessor() throws Exception {
        try (SseClient streamA = SseClient.open(uri("/api/alerts/stream?unit=" + WARD_A));
             SseClient streamB = SseClient.open(uri("/api/alerts/stream?unit=" + WARD_B));
             SseClient city = SseClient.open(uri("/api/alerts/stream?unit=SADEC"))) {
            eventually().until(() -> streamA.isSubscribed() && streamB.isSubscribed() && city.isSubscribed()
                    && feed.isLive());

            Instant now = now();
            Instant dueAt = now.minusSeconds(60);
            Instant appointment = now.plus(Duration.ofHours(1));
            String code = code("MOVED");
            DossierEvent dossier = DossierEvent.of(code, WARD_A, now.minus(Duration.ofDays(3)));
            send(dossier.received(1, dueAt));
            eventually().until(() -> has(streamA, code, EventTypes.OVERDUE));
            send(dossier.apology(2, now, dueAt, appointment));
            CloudEvent transferred = dossier.transferred(3, TODAY.atStartOfDay(VietnamTime.ZONE).toInstant(), dueAt,
                    WARD_B);
            send(transferred);

            eventually().untilAsserted(() -> {
                assertThat(overdue(WARD_B)).contains(code);
                assertThat(overdue(WARD_A)).doesNotContain(code);
            });
            assertThat(overdue("SADEC")).contains(code);

            // Redelivered, and the old unit's receipt again: both old news, read before a marker of the same partition.
            int partition = send(transferred);
            send(dossier.received(1, dueAt));
            String marker = code("MARK");
            topic().sendBytes(topics.dossierEvents(), partition, marker, EventCodec.write(
                    DossierEvent.of(marker, WARD_B, now.minusSeconds(3600)).received(1, now.minusSeconds(60))));
            eventually().untilAsserted(() -> assertThat(overdue(WARD_B)).contains(marker));
            assertThat(unitAndSequence(code)).isEqualTo(WARD_B + "@3");
            assertThat(overdue(WARD_A)).doesNotContain(code);
            assertThat(overdue(WARD_B)).contains(code);

            // The appointment passes: the alert is the successor's, on its streams and the city's, not on A's.
            clock.set(appointment.plusSeconds(2));
            eventually().until(() -> has(streamB, code, EventTypes.APPOINTMENT_MISSED)
                    && has(city, code, EventTypes.APPOINTMENT_MISSED));
            CloudEvent missed = alerts(streamB, code).stream()
                    .filter(alert -> alert.type().equals(EventTypes.APPOINTMENT_MISSED)).findFirst().orElseThrow();
            assertThat(EventCodec.alertData(missed).unitCode()).isEqualTo(WARD_B);
            assertThat(alerts(streamA, code)).extracting(CloudEvent::type).containsExactly(EventTypes.OVERDUE);
            assertThat(alerts(streamB, code)).extracting(CloudEvent::type)
                    .as("the overdue alert went out at A; the transfer does not send it again")
                    .containsExactly(EventTypes.APPOINTMENT_MISSED);
        }
    }

    @Test
    @TestSecurity(user = "supervisor-b", roles = Roles.SUPERVISOR,
            attributes = @SecurityAttribute(key = "units", value = WARD_B))
    void theSuccessorsSupervisorListsTheMovedDossierAndGetsItsNextAlertButMayNotReadTheClosedWard() throws Exception {
        try (SseClient mine = SseClient.open(uri("/api/alerts/stream"))) {
            eventually().until(() -> mine.isSubscribed() && feed.isLive());
            Instant now = now();
            Instant dueAt = now.plus(Duration.ofHours(2));
            String overdueOne = code("OVER");
            String dueLater = code("LATER");
            DossierEvent overdue = DossierEvent.of(overdueOne, WARD_A, now.minus(Duration.ofDays(3)));
            DossierEvent later = DossierEvent.of(dueLater, WARD_A, now.minus(Duration.ofDays(3)));
            Instant closing = TODAY.atStartOfDay(VietnamTime.ZONE).toInstant();
            send(overdue.received(1, now.minusSeconds(60)));
            send(later.received(1, dueAt));
            send(overdue.transferred(2, closing, now.minusSeconds(60), WARD_B));
            send(later.transferred(2, closing, dueAt, WARD_B));

            eventually().untilAsserted(() -> assertThat(RestAssured.get("/api/deadlines/overdue").then()
                    .statusCode(200).extract().jsonPath().getList("code", String.class)).contains(overdueOne));
            RestAssured.given().queryParam("unit", WARD_A).get("/api/deadlines/overdue").then().statusCode(403);
            eventually().until(() -> unitAndSequence(dueLater).equals(WARD_B + "@2"));

            clock.set(dueAt.plusSeconds(2));
            eventually().until(() -> has(mine, dueLater, EventTypes.OVERDUE));
            assertThat(alerts(mine, dueLater)).extracting(alert -> EventCodec.alertData(alert).unitCode())
                    .containsOnly(WARD_B);
        }
    }

    @Test
    @TestSecurity(user = "supervisor-a", roles = Roles.SUPERVISOR,
            attributes = @SecurityAttribute(key = "units", value = WARD_A))
    void theClosedWardsSupervisorNoLongerListsWhatWasMovedAndStillListsWhatWasNot() {
        Instant now = now();
        String moved = code("GONE");
        String stays = code("STAYS");
        DossierEvent dossier = DossierEvent.of(moved, WARD_A, now.minus(Duration.ofDays(3)));
        send(dossier.received(1, now.minusSeconds(60)));
        send(DossierEvent.of(stays, WARD_A, now.minus(Duration.ofDays(3))).received(1, now.minusSeconds(60)));
        eventually().untilAsserted(() -> assertThat(mine()).contains(moved, stays));

        send(dossier.transferred(2, TODAY.atStartOfDay(VietnamTime.ZONE).toInstant(), now.minusSeconds(60), WARD_B));
        eventually().untilAsserted(() -> assertThat(mine()).contains(stays).doesNotContain(moved));
    }

    @Test
    void aMoveDatedTomorrowChangesTheScopesTomorrowWithoutAnotherEvent() {
        String districtOld = code("D1");
        String districtNew = code("D2");
        String ward = code("W");
        String newWard = code("NEWW");
        LocalDate tomorrow = TODAY.plusDays(1);
        publish(Catalogue.unit(districtOld, "DONGTHAP"), Catalogue.unit(districtNew, "DONGTHAP"),
                new UnitData(ward, "UBND " + ward, districtNew, 1, List.of(
                        UnitState.open(null, "UBND " + ward, districtOld),
                        UnitState.open(tomorrow, "UBND " + ward, districtNew))),
                new UnitData(newWard, "UBND " + newWard, districtNew, 1, List.of(
                        UnitState.open(tomorrow, "UBND " + newWard, districtNew))));
        // Named by the catalogue though not in being before tomorrow: asking for it is no typo.
        eventually().untilAsserted(() -> RestAssured.given().queryParam("unit", newWard)
                .get("/api/deadlines/overdue").then().statusCode(200));

        Instant now = now();
        String dossier = code("D");
        send(DossierEvent.of(dossier, ward, now.minusSeconds(3600)).received(1, now.minusSeconds(60)));
        eventually().untilAsserted(() -> assertThat(overdue(districtOld)).contains(dossier));
        assertThat(overdue(districtNew)).doesNotContain(dossier);

        clock.set(tomorrow.atStartOfDay(VietnamTime.ZONE).toInstant().plusSeconds(1));
        assertThat(overdue(districtNew)).contains(dossier);
        assertThat(overdue(districtOld)).doesNotContain(dossier);
        assertThat(overdue("DONGTHAP")).contains(dossier);

        clock.release();
        assertThat(overdue(districtOld)).as("today again").contains(dossier);
        assertThat(overdue(districtNew)).doesNotContain(dossier);
    }

    private void publish(UnitData... units) {
        Catalogue.publishUnits(topic(), topics.catalogue(), List.of(units));
    }

    private int send(CloudEvent event) {
        return topic().send(topics.dossierEvents(), event);
    }

    private static List<String> overdue(String unit) {
        return RestAssured.given().queryParam("unit", unit).get("/api/deadlines/overdue").then().statusCode(200)
                .extract().jsonPath().getList("code", String.class);
    }

    /** The caller's own units' list: no {@code unit} named. */
    private static List<String> mine() {
        return RestAssured.get("/api/deadlines/overdue").then().statusCode(200)
                .extract().jsonPath().getList("code", String.class);
    }

    private static boolean has(SseClient stream, String dossier, String type) {
        return alerts(stream, dossier).stream().anyMatch(alert -> alert.type().equals(type));
    }

    private static List<CloudEvent> alerts(SseClient stream, String dossier) {
        return stream.events().stream().map(SseClient.Event::alert)
                .filter(alert -> alert.subject().equals(dossier)).toList();
    }

    /** The stored row's unit and last applied sequence, as {@code unit@sequence}; empty if not tracked. */
    private String unitAndSequence(String dossier) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select unit_code, last_sequence from deadlines where dossier_code = ?")) {
            select.setString(1, dossier);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) + "@" + rows.getLong(2) : "";
            }
        }
    }

    private long storedUnits(String... codes) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from units where code = any (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", codes));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Topic topic() {
        if (topic == null) {
            topic = new Topic(kafkaAdmin);
        }
        return topic;
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve(path);
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
