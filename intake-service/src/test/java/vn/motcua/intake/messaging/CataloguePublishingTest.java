package vn.motcua.intake.messaging;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CalendarData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.Topics;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.intake.CatalogueTopic;
import vn.motcua.intake.Rows;
import vn.motcua.intake.app.CataloguePublication;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.intake.CatalogueTopic.eventsOf;
import static vn.motcua.intake.CatalogueTopic.version;
import static vn.motcua.intake.Dossiers.put;

/** intake-service is the one owner of the catalogue: every committed change, and the whole of it once, on the topic. */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class CataloguePublishingTest {

    /** As migration V2__sa_dec_catalogue.sql seeds them. */
    private static final List<String> SEEDED_UNITS = List.of("SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4",
            "SADEC-AH", "SADEC-TQD", "SADEC-TKD", "SADEC-TQT", "SADEC-TPD");
    private static final List<String> SEEDED_PROCEDURES = List.of("1.001193", "1.000894", "1.004873", "2.000815",
            "2.000884", "2.000720", "1.009994", "1.004227", "1.001776");
    private static final Duration QUIET = Duration.ofSeconds(1);

    @Inject
    DataSource dataSource;

    @Inject
    CataloguePublication publication;

    @Test
    void onFirstStartTheWholeSeededCatalogueIsOnTheTopicOnceAsVersionOne() {
        List<String> keys = Stream.concat(SEEDED_UNITS.stream().map(Topics::unitKey),
                SEEDED_PROCEDURES.stream().map(Topics::procedureKey)).toList();
        try (TopicReader<CloudEvent> reader = CatalogueTopic.reader()) {
            reader.until(all -> keys.stream().allMatch(key -> eventsOf(all, key).stream().anyMatch(e -> version(e) == 1)));
            List<CloudEvent> events = reader.settle(QUIET);
            for (String key : keys) {
                assertThat(eventsOf(events, key)).as(key).filteredOn(event -> version(event) == 1).hasSize(1);
            }
            assertThat(EventCodec.unitData(firstOf(events, Topics.unitKey("SADEC-P1"))))
                    .isEqualTo(new UnitData("SADEC-P1", "UBND Phường 1", "SADEC", 1,
                            List.of(UnitState.open(null, "UBND Phường 1", "SADEC"))));
            assertThat(EventCodec.unitData(firstOf(events, Topics.unitKey("SADEC"))).parentCode()).isNull();
            assertThat(EventCodec.procedureData(firstOf(events, Topics.procedureKey("1.001193"))))
                    .isEqualTo(new ProcedureData("1.001193", "Đăng ký khai sinh", "Hộ tịch",
                            new ProcedureData.ProcessingTime(0, "WORKING_DAYS"), LocalTime.of(15, 0), List.of(3, 4), 1));
        }
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM unit WHERE version = 0")).isZero();
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM procedure WHERE version = 0")).isZero();
    }

    /** A restart publishes nothing; two instances starting together on a database never published from, once. */
    @Test
    void theWholeCatalogueIsPublishedOnceHoweverManyInstancesStart() throws Exception {
        assertThat(publication.publishOnce()).isFalse();
        long before = unitVersion("SADEC-P2");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM catalogue_published");
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        Callable<Boolean> start = publication::publishOnce;
        List<Future<Boolean>> published = instances.invokeAll(List.of(start, start));
        instances.shutdown();
        List<Boolean> answers = new ArrayList<>();
        for (Future<Boolean> answer : published) {
            answers.add(answer.get());
        }

        assertThat(answers).containsExactlyInAnyOrder(true, false);
        assertThat(unitVersion("SADEC-P2")).isEqualTo(before + 1);
        String key = Topics.unitKey("SADEC-P2");
        try (TopicReader<CloudEvent> reader = CatalogueTopic.reader()) {
            reader.until(all -> eventsOf(all, key).stream().anyMatch(event -> version(event) == before + 1));
            assertThat(eventsOf(reader.settle(QUIET), key)).filteredOn(event -> version(event) > before).hasSize(1);
        }
    }

    @Test
    void eachUnitPutPublishesTheUnitsWholeNewStateOneVersionUp() {
        put("/api/units/PUB-U1", Map.of("name", "Tổ thử một", "parentCode", "SADEC")).statusCode(200);
        put("/api/units/PUB-U2", Map.of("name", "Tổ thử hai", "parentCode", "SADEC")).statusCode(200);
        put("/api/units/PUB-U1", Map.of("name", "Tổ thử một", "parentCode", "PUB-U2")).statusCode(200);

        List<CloudEvent> events = settledEventsOf(Topics.unitKey("PUB-U1"), 2);
        // Each with its whole history: the move is a state of its own from today.
        UnitState first = UnitState.open(null, "Tổ thử một", "SADEC");
        assertThat(events).extracting(EventCodec::unitData).containsExactly(
                new UnitData("PUB-U1", "Tổ thử một", "SADEC", 1, List.of(first)),
                new UnitData("PUB-U1", "Tổ thử một", "PUB-U2", 2,
                        List.of(first, UnitState.open(today(), "Tổ thử một", "PUB-U2"))));
        assertPublishedByIntakeNow(events.get(1), EventTypes.UNIT_CHANGED);
        assertThat(unitVersion("PUB-U1")).isEqualTo(2);
    }

    /** A PUT that changes nothing still publishes: a version up, the same state. */
    @Test
    void eachProcedurePutPublishesTheProceduresWholeNewStateOneVersionUp() {
        long before = Rows.number(dataSource, "SELECT version FROM procedure WHERE code = ?", "1.009994");
        put("/api/procedures/1.009994", Map.of("name", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "field", "Xây dựng",
                "processingTime", Map.of("amount", 15, "unit", "WORKING_DAYS"), "onlineLevels", List.of(4, 3)))
                .statusCode(200);

        List<CloudEvent> events = settledEventsOf(Topics.procedureKey("1.009994"), 1, before);
        assertThat(EventCodec.procedureData(events.get(0))).isEqualTo(new ProcedureData("1.009994",
                "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", new ProcedureData.ProcessingTime(15, "WORKING_DAYS"),
                null, List.of(3, 4), before + 1));
        assertPublishedByIntakeNow(events.get(0), EventTypes.PROCEDURE_CHANGED);
    }

    @Test
    void eachCalendarPutPublishesTheYearsWholeScheduleOneVersionUp() {
        Map<String, Object> year = Map.of(
                "closedDays", List.of(Map.of("date", "2033-01-03", "name", "Nghỉ bù Tết Dương lịch"),
                        Map.of("date", "2033-05-02", "name", "Quốc tế Lao động")),
                "workingSaturdays", List.of(Map.of("date", "2033-01-08", "name", "Làm bù")));
        put("/api/calendar/2033", year).statusCode(200);
        put("/api/calendar/2033", Map.of("closedDays", List.of())).statusCode(200);

        List<CloudEvent> events = settledEventsOf(Topics.calendarKey(2033), 2);
        assertThat(events).extracting(EventCodec::calendarData).containsExactly(
                new CalendarData(2033, List.of(new CalendarData.Day(LocalDate.of(2033, 1, 3), "Nghỉ bù Tết Dương lịch"),
                        new CalendarData.Day(LocalDate.of(2033, 5, 2), "Quốc tế Lao động")),
                        List.of(new CalendarData.Day(LocalDate.of(2033, 1, 8), "Làm bù")), 1),
                new CalendarData(2033, List.of(), List.of(), 2));
        assertPublishedByIntakeNow(events.get(1), EventTypes.CALENDAR_CHANGED);
        // A year with nothing closed is still that year's official schedule.
        RestAssured.get("/api/calendar/2033").then().statusCode(200).body("official", equalTo(true));
    }

    /** Refused input stores and publishes nothing: the next accepted PUT of the same key is only one version up. */
    @Test
    void aRefusedPutStoresAndPublishesNothing() {
        put("/api/units/PUB-R1", Map.of("name", "Tổ thử", "parentCode", "SADEC")).statusCode(200);
        long city = unitVersion("SADEC");
        put("/api/units/PUB-R1", Map.of("name", "Tổ thử", "parentCode", "NOWHERE")).statusCode(400);
        put("/api/units/PUB-R1", Map.of("name", "", "parentCode", "SADEC")).statusCode(400);
        put("/api/units/SADEC", Map.of("name", "UBND thành phố Sa Đéc", "parentCode", "PUB-R1")).statusCode(400);
        put("/api/units/pub-r2", Map.of("name", "Tổ thử", "parentCode", "SADEC")).statusCode(400);
        put("/api/procedures/9.300001", Map.of("name", "Thủ tục thử", "field", "Thử",
                "processingTime", Map.of("amount", 0, "unit", "WORKING_HOURS"))).statusCode(400);
        put("/api/calendar/2034", Map.of("closedDays", List.of(Map.of("date", "2034-01-07")))).statusCode(400);

        assertThat(unitVersion("PUB-R1")).isEqualTo(1);
        assertThat(unitVersion("SADEC")).isEqualTo(city);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM unit WHERE code = 'pub-r2'")).isZero();
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM procedure WHERE code = '9.300001'")).isZero();
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM calendar_year WHERE year = 2034")).isZero();
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key IN (?, ?, ?)",
                Topics.unitKey("pub-r2"), Topics.procedureKey("9.300001"), Topics.calendarKey(2034))).isZero();
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ? AND sequence > ?",
                Topics.unitKey("SADEC"), city)).isZero();

        put("/api/units/PUB-R1", Map.of("name", "Tổ thử (đổi tên)", "parentCode", "SADEC")).statusCode(200);
        UnitState first = UnitState.open(null, "Tổ thử", "SADEC");
        assertThat(settledEventsOf(Topics.unitKey("PUB-R1"), 2)).extracting(EventCodec::unitData).containsExactly(
                new UnitData("PUB-R1", "Tổ thử", "SADEC", 1, List.of(first)),
                new UnitData("PUB-R1", "Tổ thử (đổi tên)", "SADEC", 2,
                        List.of(first, UnitState.open(today(), "Tổ thử (đổi tên)", "SADEC"))));
    }

    /** Today in Vietnam: the day a PUT without effectiveFrom dates its state (the service follows real time here). */
    private static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    private long unitVersion(String code) {
        return Rows.number(dataSource, "SELECT version FROM unit WHERE code = ?", code);
    }

    /** Every event of the key once the expected number arrived and the topic stayed quiet for a second. */
    private static List<CloudEvent> settledEventsOf(String key, int expected) {
        return settledEventsOf(key, expected, 0);
    }

    /** The events of the key above a version, as {@link #settledEventsOf(String, int)}. */
    private static List<CloudEvent> settledEventsOf(String key, int expected, long above) {
        try (TopicReader<CloudEvent> reader = CatalogueTopic.reader()) {
            reader.until(all -> newer(eventsOf(all, key), above).size() >= expected);
            return newer(eventsOf(reader.settle(QUIET), key), above);
        }
    }

    private static List<CloudEvent> newer(List<CloudEvent> events, long above) {
        return events.stream().filter(event -> version(event) > above).toList();
    }

    private static CloudEvent firstOf(List<CloudEvent> events, String key) {
        return eventsOf(events, key).get(0);
    }

    private static void assertPublishedByIntakeNow(CloudEvent event, String type) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.source()).isEqualTo(URI.create("/motcua/intake-service"));
        assertThat(event.time().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(Duration.between(event.time().toInstant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
