package vn.motcua.deadline;

import vn.motcua.testkit.TestKafka;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.messaging.AlertStreamConsumer;
import vn.motcua.deadline.messaging.CatalogueConsumerReadiness;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.PrefilledCatalogue;
import vn.motcua.deadline.support.SseClient;
import vn.motcua.deadline.support.Topic;
import vn.motcua.events.CalendarData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.Topics;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.security.Roles;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.calendar.VietnamTime.ZONE;
import static vn.motcua.deadline.support.Catalogue.unit;

/**
 * The unit tree comes from the compacted catalogue topic alone: the service starts on an empty database with the
 * topic already holding Đồng Tháp's tree (PrefilledCatalogue), and ?unit= filters follow the tree as it stands when
 * they are read: new units, moves, units that arrive after their dossiers.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@WithTestResource(value = PrefilledCatalogue.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class CatalogueTest {

    static final Duration WAIT = Duration.ofSeconds(60); // generous: two busy cores can take tens of seconds
    static final URI INTAKE = URI.create("/motcua/intake-service");

    @Inject
    TopicsConfig topics;
    @Inject
    DataSource dataSource;
    @Inject
    AlertStreamConsumer feed;
    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @TestHTTPResource("/")
    URL base;
    @TestHTTPResource(value = "/", management = true)
    URL management;

    static Topic topic;

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    /** The prefilled tree is read from the topic after the start: every test begins once the city is known. */
    @BeforeEach
    void theCityIsKnown() {
        eventually().untilAsserted(() -> overdue("SADEC"));
    }

    @Test
    void anEmptyDatabaseRebuildsTheTreeFromTheTopicAloneAndAProvinceSeesAWardTwoLevelsDown() throws Exception {
        Map<String, String> expected = new HashMap<>();
        PrefilledCatalogue.UNITS.forEach(unit -> expected.put(unit.code(), String.valueOf(unit.parentCode())));
        eventually().until(() -> stored(expected.keySet().toArray(String[]::new)).equals(expected));
        assertThat(query("select count(*) from flyway_schema_history where version = '2'")).isZero();
        assertThat(query("select count(*) from units where code = 'SADEC-TPD'")).as("no seeded copy").isZero();

        String late = code("LATE");
        overdueDossier(late, "SADEC-P1");
        for (String unit : List.of("DONGTHAP", "SADEC", "SADEC-P1", "ALL")) {
            eventually().untilAsserted(() -> assertThat(overdue(unit)).contains(late));
        }
        assertThat(overdue("LAIVUNG")).doesNotContain(late);
        eventually().untilAsserted(() -> RestAssured.given().port(management.getPort()).get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == '" + CatalogueConsumerReadiness.NAME + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + CatalogueConsumerReadiness.NAME + "' }.data.caughtUp", equalTo(true)));
    }

    @Test
    void aRepeatedOrOlderVersionChangesNothingAndANewerOneDoes() throws Exception {
        String ward = code("VER");
        publish(unit(ward, "SADEC", 2));
        eventually().until(() -> stored(ward).equals(Map.of(ward, "SADEC")));

        int partition = topic().send(topics.catalogue(), Catalogue.changed(unit(ward, "LAIVUNG", 1)));
        topic().send(topics.catalogue(), Catalogue.changed(new UnitData(ward, "UBND lặp lại", "LAIVUNG", 2)));
        // A unit read after both on their partition: once it is known, both were read.
        String marker = code("MARK");
        topic().sendBytes(topics.catalogue(), partition, Topics.unitKey(marker),
                EventCodec.write(Catalogue.changed(unit(marker, "SADEC"))));
        eventually().until(() -> !stored(marker).isEmpty());
        assertThat(stored(ward)).isEqualTo(Map.of(ward, "SADEC"));
        assertThat(query("select count(*) from units where code = '" + ward + "' and version = 2 "
                + "and name = 'UBND " + ward + "'")).isEqualTo(1);

        publish(unit(ward, "LAIVUNG", 3));
        eventually().until(() -> stored(ward).equals(Map.of(ward, "LAIVUNG")));
    }

    @Test
    void aDossierOfAnUnknownUnitCountsUnderItsOwnCodeAndJoinsItsParentWhenTheUnitArrives() throws Exception {
        String ward = code("NEW");
        String dossier = code("EARLY");
        overdueDossier(dossier, ward);
        eventually().untilAsserted(() -> assertThat(overdue("ALL")).contains(dossier));
        RestAssured.given().queryParam("unit", ward).get("/api/deadlines/overdue").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("unit"))
                .body("errors[0].message", equalTo("unknown unit " + ward));
        assertThat(overdue("SADEC")).doesNotContain(dossier);

        publish(unit(ward, "SADEC"));
        for (String unit : List.of(ward, "SADEC", "DONGTHAP")) {
            eventually().untilAsserted(() -> assertThat(overdue(unit)).contains(dossier));
        }
        assertThat(overdue("LAIVUNG")).doesNotContain(dossier);
    }

    @Test
    void movingAWardMovesItsDossiersBetweenTheDistrictsListsAndStreams() throws Exception {
        String districtA = code("DA");
        String districtB = code("DB");
        String ward = code("W");
        publish(unit(districtA, "DONGTHAP"), unit(districtB, "DONGTHAP"), unit(ward, districtA));
        eventually().untilAsserted(() -> RestAssured.given().queryParam("unit", ward)
                .get("/api/deadlines/overdue").then().statusCode(200));

        try (SseClient streamA = SseClient.open(uri("/api/alerts/stream?unit=" + districtA));
             SseClient streamB = SseClient.open(uri("/api/alerts/stream?unit=" + districtB))) {
            eventually().until(() -> streamA.isSubscribed() && streamB.isSubscribed() && feed.isLive());

            String before = code("BEFORE");
            dossierDueSoon(before, ward);
            eventually().until(() -> hasOverdue(streamA, before));
            assertThat(overdue(districtA)).contains(before);
            assertThat(overdue(districtB)).doesNotContain(before);

            // The ward moves to B, and a ward new to the catalogue is added under B, after B's stream subscribed.
            String addedWard = code("ADDED");
            publish(unit(ward, districtB, 2), unit(addedWard, districtB));
            eventually().untilAsserted(() -> {
                assertThat(overdue(districtB)).contains(before);
                assertThat(overdue(districtA)).doesNotContain(before);
            });
            assertThat(overdue("DONGTHAP")).contains(before);

            String after = code("AFTER");
            String added = code("ADDED");
            eventually().untilAsserted(() -> RestAssured.given().queryParam("unit", addedWard)
                    .get("/api/deadlines/overdue").then().statusCode(200));
            dossierDueSoon(after, ward);
            dossierDueSoon(added, addedWard);
            eventually().until(() -> hasOverdue(streamB, after) && hasOverdue(streamB, added));
            assertThat(streamA.events()).extracting(e -> e.alert().subject()).doesNotContain(after, added);
            assertThat(streamB.events()).extracting(e -> e.alert().subject()).doesNotContain(before);
        }
    }

    @Test
    void garbageOnTheCatalogueGoesToItsDeadLetterTopicOtherTypesAreSkippedAndTheNextEventIsApplied() throws Exception {
        String ward = code("G");
        String key = Topics.unitKey(ward);
        byte[] garbage = {(byte) 0xde, (byte) 0xad, 0x00, '{'};
        int partition = topic().sendBytes(topics.catalogue(), key, garbage);
        CloudEvent noName = Catalogue.changed(unit(ward, "SADEC"));
        ((ObjectNode) noName.data()).remove("name");
        topic().send(topics.catalogue(), noName);
        topic().send(topics.catalogue(), Catalogue.changed(unit(ward, "X".repeat(65))));
        topic().send(topics.catalogue(), Catalogue.changed(new UnitData(ward, "UBND " + ward, "SADEC", 1, List.of(
                UnitState.open(null, "UBND " + ward, "SADEC"),
                new UnitState(LocalDate.of(2025, 7, 1), "UBND " + ward, "SADEC", true, "Y".repeat(65))))));
        // Other catalogue types on the same partition, so that they are read before the unit below.
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        CloudEvent calendar = EventCodec.calendarChanged(INTAKE, now, new CalendarData(2031, List.of(), List.of(), 1));
        CloudEvent procedure = EventCodec.procedureChanged(INTAKE, now, new ProcedureData("9.999999", "Thủ tục thử",
                "Hộ tịch", new ProcedureData.ProcessingTime(3, "WORKING_DAYS"), LocalTime.of(15, 0), List.of(3), 1));
        for (CloudEvent other : List.of(calendar, procedure)) {
            topic().sendBytes(topics.catalogue(), partition, other.subject(), EventCodec.write(other));
        }
        publish(unit(ward, "SADEC"));

        eventually().until(() -> stored(ward).equals(Map.of(ward, "SADEC")));
        List<ConsumerRecord<String, byte[]>> letters = topic().readAll(Topics.deadLetterTopic(topics.catalogue()));
        List<ConsumerRecord<String, byte[]>> ours = letters.stream().filter(letter -> key.equals(letter.key())).toList();
        assertThat(ours).hasSize(4);
        assertThat(ours.get(0).value()).isEqualTo(garbage);
        assertThat(reason(ours.get(1))).contains("name");
        assertThat(reason(ours.get(2))).contains("64");
        assertThat(reason(ours.get(3))).contains("history");
        assertThat(letters).extracting(ConsumerRecord::key).doesNotContain(calendar.subject(), procedure.subject());
    }

    private void publish(UnitData... units) {
        Catalogue.publishUnits(topic(), topics.catalogue(), List.of(units));
    }

    /** Received an hour ago, due a minute ago: on the overdue list at once. */
    private void overdueDossier(String code, String unit) {
        Instant now = now();
        topic().send(topics.dossierEvents(),
                DossierEvent.of(code, unit, now.minusSeconds(3600)).received(1, now.minusSeconds(60)));
    }

    /** Due in two seconds: its overdue alert goes out then, by the tree as it stands at that moment. */
    private void dossierDueSoon(String code, String unit) {
        Instant now = now();
        topic().send(topics.dossierEvents(),
                DossierEvent.of(code, unit, now.minusSeconds(3600)).received(1, now.plusSeconds(2)));
    }

    private static boolean hasOverdue(SseClient stream, String dossier) {
        return stream.events().stream()
                .anyMatch(e -> e.name().equals(EventTypes.OVERDUE) && e.alert().subject().equals(dossier));
    }

    private static List<String> overdue(String unit) {
        return RestAssured.given().queryParam("unit", unit).get("/api/deadlines/overdue").then().statusCode(200)
                .extract().jsonPath().getList("code", String.class);
    }

    /** code → parent code ("null" for a root) of the stored units among {@code codes}. */
    private Map<String, String> stored(String... codes) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select code, parent_code from units where code = any (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", codes));
            Map<String, String> units = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    units.put(rows.getString(1), String.valueOf(rows.getString(2)));
                }
            }
            return units;
        }
    }

    private long query(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> letter) {
        return new String(letter.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8);
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

    /** Upper case, as unit codes are ([A-Z0-9-]). */
    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
