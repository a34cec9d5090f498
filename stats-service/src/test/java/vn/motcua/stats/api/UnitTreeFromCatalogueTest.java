package vn.motcua.stats.api;

import vn.motcua.testkit.TestKafka;
import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.config.TopicsConfig;
import vn.motcua.events.Channel;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.Topics;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.stats.app.TimeSweep;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.messaging.StatsConsumerReadiness;
import vn.motcua.stats.store.StatsDatabase;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.Form06;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.PrefilledCatalogueResource;
import vn.motcua.stats.support.Recount;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.stats.support.TestClock;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Units from the catalogue topic alone, and reports rolled up by the period's tree when they are read (a unit known
 * only by events without a history held its state always, so such a move re-rolls every period). The
 * service starts on an empty database with the topic already holding a province (Đồng Tháp) → district or city →
 * ward and commune ({@link PrefilledCatalogueResource}); each test then changes the tree or the dossiers through
 * the topics only, and the report API must follow. The tests build on each other's tree, hence the order.
 */
@QuarkusTest
@WithTestResource(value = PrefilledCatalogueResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"), scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitTreeFromCatalogueTest {

    static final Instant NOW = Instant.parse("2023-03-01T03:00:00Z");
    static final Period H2 = Period.half(2022, 2);
    static final Set<String> PROVINCE = Set.of("DT", "DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2", "DT-SADEC-TKD",
            "DT-LAIVUNG", "DT-LAIVUNG-LV", "DT-LAIVUNG-VT", "DT-LAIVUNG-TT");
    /** Every dossier this class published: the truth each report is recounted from. */
    static final List<History> PUBLISHED = new CopyOnWriteArrayList<>();

    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @Inject
    TopicsConfig topics;
    @Inject
    TestClock clock;
    @Inject
    TimeSweep sweep;
    @Inject
    StatsDatabase database;

    @BeforeEach
    void now() {
        clock.set(NOW);
    }

    @Test
    @Order(1)
    void startedOnAnEmptyDatabaseItBuildsItsTreeFromTheTopicAlone() {
        // ready means the catalogue was read to its end: no waiting for the tree beyond readiness
        ServiceReady.await();
        assertThat(units()).containsExactly(
                entry("DT", "Tỉnh Đồng Tháp", null, 0),
                entry("DT-LAIVUNG", "Huyện Lai Vung", "DT", 1),
                entry("DT-LAIVUNG-LV", "Thị trấn Lai Vung", "DT-LAIVUNG", 2),
                entry("DT-SADEC", "Thành phố Sa Đéc", "DT", 1),
                entry("DT-SADEC-P1", "Phường 1", "DT-SADEC", 2),
                entry("DT-SADEC-P2", "Phường 2", "DT-SADEC", 2),
                entry("DT-SADEC-TKD", "Xã Tân Khánh Đông", "DT-SADEC", 2));
        assertThat(collection("units").countDocuments(new Document("version", 1))).isEqualTo(7);
        assertThat(collection("dossiers").countDocuments()).as("nothing but the topic").isZero();
        assertThat(collection("totals").countDocuments()).isZero();
        for (String unit : List.of("DT", "DT-LAIVUNG", "DT-SADEC-TKD")) {
            assertThat(report(unit)).as("a unit of the tree has a (zero) report").isEqualTo(expected(Set.of()));
        }
    }

    @Test
    @Order(2)
    void aReportOfTheProvinceOrItsCityCountsADossierOfTheWardInEveryColumn() {
        publish(everyColumn("DT-SADEC-P1", "P1"));
        Form06 ward = expected(Set.of("DT-SADEC-P1"));
        assertThat(ward).as("the histories fill every column").satisfies(UnitTreeFromCatalogueTest::everyColumnCounted);

        for (String unit : List.of("DT-SADEC-P1", "DT-SADEC", "DT", "ALL")) {
            awaitReport(unit, ward);
            assertCsvMatchesJson(unit);
        }
        assertThat(report("DT-LAIVUNG")).isEqualTo(expected(Set.of()));
        assertThat(report("DT-SADEC-TKD")).isEqualTo(expected(Set.of()));
        List<String> rows = csvRows("DT");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("1,DT-SADEC-P1,Phường 1," + ward.received() + ",");
    }

    @Test
    @Order(3)
    void aDuplicateOrAnOlderVersionOfAUnitChangesNothing() {
        publish(everyColumn("DT-SADEC-TKD", "TKD"));
        UnitData second = new UnitData("DT-SADEC-TKD", "Xã Tân Khánh Đông (mới)", "DT-SADEC", 2);
        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(), List.of(second));

        // an older and a repeated version, both moving it to Lai Vung, then a new unit on the same partition:
        // once that one is listed, the two before it have been read
        UnitData sentinel = Catalogue.unit("DT-LAIVUNG-VT", "Xã Vĩnh Thới", "DT-LAIVUNG");
        int partition = Catalogue.partitionOf(Topics.unitKey(second.code()));
        Catalogue.send(kafkaAdmin, List.of(
                Catalogue.record(topics.catalogue(), new UnitData(second.code(), "Cũ", "DT-LAIVUNG", 1)),
                Catalogue.record(topics.catalogue(), new UnitData(second.code(), "Trùng", "DT-LAIVUNG", 2)),
                Catalogue.onPartition(partition, Catalogue.record(topics.catalogue(), sentinel))));
        Catalogue.awaitListed(List.of(sentinel));

        assertThat(units()).contains(entry(second.code(), second.name(), "DT-SADEC", 2));
        assertThat(collection("units").find(new Document("_id", second.code())).first())
                .containsEntry("version", 2L).containsEntry("parentCode", "DT-SADEC");
        awaitReport("DT-SADEC", expected(Set.of("DT-SADEC-P1", "DT-SADEC-TKD")));
        assertThat(report("DT-LAIVUNG")).isEqualTo(expected(Set.of()));
    }

    @Test
    @Order(4)
    void aDossierOfAnUnknownUnitCountsUnderAllAndJoinsItsParentWhenItsUnitArrives() {
        publish(everyColumn("DT-LAIVUNG-TT", "TT"));
        awaitReport("ALL", expected(PROVINCE));
        // its own code answers while the unit is unknown: it has totals
        assertThat(report("DT-LAIVUNG-TT")).isEqualTo(expected(Set.of("DT-LAIVUNG-TT")));
        assertThat(report("DT-LAIVUNG")).isEqualTo(expected(Set.of()));
        assertThat(report("DT")).isEqualTo(expected(Set.of("DT-SADEC-P1", "DT-SADEC-TKD")));
        assertThat(units()).extracting(u -> u.get("code")).doesNotContain("DT-LAIVUNG-TT");
        List<String> all = csvRows("ALL");
        assertThat(all.get(all.size() - 2)).as("unknown codes last, named by their code")
                .startsWith("3,DT-LAIVUNG-TT,DT-LAIVUNG-TT,");
        assertCsvMatchesJson("ALL");

        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(),
                List.of(Catalogue.unit("DT-LAIVUNG-TT", "Xã Tân Thành", "DT-LAIVUNG")));
        awaitReport("DT-LAIVUNG", expected(Set.of("DT-LAIVUNG-TT")));
        awaitReport("DT", expected(PROVINCE));
        assertThat(report("ALL")).isEqualTo(expected(PROVINCE));
        assertThat(codes()).containsExactly("DT", "DT-LAIVUNG", "DT-LAIVUNG-LV", "DT-LAIVUNG-TT", "DT-LAIVUNG-VT",
                "DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2", "DT-SADEC-TKD");
        assertThat(units()).contains(entry("DT-LAIVUNG-TT", "Xã Tân Thành", "DT-LAIVUNG", 2));
        assertThat(csvRows("DT-LAIVUNG").get(1)).startsWith("1,DT-LAIVUNG-TT,Xã Tân Thành,");
    }

    @Test
    @Order(5)
    void movingAWardToAnotherDistrictRerollsBothDistricts() {
        publish(everyColumn("DT-SADEC-P2", "P2"));
        awaitReport("DT-SADEC", expected(Set.of("DT-SADEC-P1", "DT-SADEC-P2", "DT-SADEC-TKD")));
        awaitReport("DT-LAIVUNG", expected(Set.of("DT-LAIVUNG-TT")));
        Form06 province = expected(PROVINCE);
        awaitReport("DT", province);

        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(),
                List.of(new UnitData("DT-SADEC-P2", "Phường 2", "DT-LAIVUNG", 2)));
        awaitReport("DT-SADEC", expected(Set.of("DT-SADEC-P1", "DT-SADEC-TKD")));
        awaitReport("DT-LAIVUNG", expected(Set.of("DT-LAIVUNG-TT", "DT-SADEC-P2")));
        assertThat(report("DT")).as("both under the province: the province is unchanged").isEqualTo(province);
        assertThat(report("DT-SADEC-P2")).isEqualTo(expected(Set.of("DT-SADEC-P2")));
        assertThat(codes()).as("the ward in the other district's place, by name").containsExactly("DT",
                "DT-LAIVUNG", "DT-SADEC-P2", "DT-LAIVUNG-LV", "DT-LAIVUNG-TT", "DT-LAIVUNG-VT",
                "DT-SADEC", "DT-SADEC-P1", "DT-SADEC-TKD");
        assertThat(units()).contains(entry("DT-SADEC-P2", "Phường 2", "DT-LAIVUNG", 2));
        for (String unit : List.of("DT-SADEC", "DT-LAIVUNG", "DT")) {
            assertCsvMatchesJson(unit);
        }
    }

    @Test
    @Order(6)
    void garbageOnTheCatalogueTopicGoesToItsDeadLetterTopicAndTheNextEventIsStillApplied() {
        UnitData next = Catalogue.unit("DT-SADEC-P3", "Phường 3", "DT-SADEC");
        int partition = Catalogue.partitionOf(Topics.unitKey(next.code()));
        String topic = topics.catalogue();
        Catalogue.send(kafkaAdmin, List.of(
                Catalogue.onPartition(partition, Catalogue.raw(topic, "unit:DT-JUNK", "{not json")),
                Catalogue.onPartition(partition, Catalogue.record(topic, Catalogue.unit("dt bad", "Xã Lỗi", "DT"))),
                Catalogue.onPartition(partition, Catalogue.record(topic, Catalogue.unit("DT-SELF", "Xã Vòng", "DT-SELF"))),
                Catalogue.onPartition(partition, Catalogue.record(topic, Catalogue.unit("DT-BLANK", " ", "DT"))),
                Catalogue.onPartition(partition, Catalogue.record(topic, next))));

        Catalogue.awaitListed(List.of(next));
        try (TopicReader<byte[]> dlq = new TopicReader<>(kafkaAdmin, topic + ".dlq", bytes -> bytes)) {
            dlq.until(letters -> letters.size() >= 4);
            assertThat(dlq.records()).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("unit:DT-JUNK", "unit:dt bad", "unit:DT-SELF", "unit:DT-BLANK");
            for (ConsumerRecord<String, byte[]> letter : dlq.records()) {
                assertThat(header(letter, Topics.DLQ_REASON_HEADER)).as(letter.key()).isNotBlank();
                assertThat(header(letter, Topics.DLQ_ORIGIN_HEADER)).startsWith(topic + "/" + partition + "@");
            }
            assertThat(dlq.records()).filteredOn(letter -> letter.key().equals("unit:DT-SELF")).singleElement()
                    .satisfies(letter -> assertThat(header(letter, Topics.DLQ_REASON_HEADER)).contains("own parent"));
        }
        assertThat(codes()).contains("DT-SADEC-P3").doesNotContain("DT-JUNK", "dt bad", "DT-SELF", "DT-BLANK");
        Management.onManagementPort(() -> Readiness.assertUp(StatsConsumerReadiness.NAME));
    }

    @Test
    @Order(7)
    void theUnitListIsInTheOpenApiDocument() {
        var doc = RestAssured.given().queryParam("format", "json").get(Management.url("/q/openapi")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(doc.getString("paths.'/api/stats/units'.get.summary")).isNotBlank();
        assertThat(doc.getString("paths.'/api/stats/units'.get.responses.'200'.content.'application/json'.schema.type"))
                .isEqualTo("array");
        assertThat(doc.getMap("components.schemas.UnitEntry.properties")).containsOnlyKeys("code", "name",
                "parentCode", "depth");
    }

    /**
     * A unit's history from the topic: Tân Khánh Đông becomes a ward directly under the province from 1 January 2023.
     * Today's tree (1 March 2023) and the unit list of a day before it differ; the 2022-H2 report still counts it
     * under the city, where it was on the last day of 2022-H2. A history the suite could not have published (closed
     * without a successor) goes to the dead-letter topic.
     */
    @Test
    @Order(8)
    void aUnitHistoryPlacesTheUnitByTheDayAndEarlierPeriodsStayAsTheyWere() {
        Form06 city = expected(Set.of("DT-SADEC-P1", "DT-SADEC-TKD"));
        awaitReport("DT-SADEC", city);
        UnitData moved = new UnitData("DT-SADEC-TKD", "Phường Tân Khánh Đông", "DT", 3, List.of(
                UnitState.open(null, "Xã Tân Khánh Đông (mới)", "DT-SADEC"),
                UnitState.open(LocalDate.of(2023, 1, 1), "Phường Tân Khánh Đông", "DT")));
        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(), List.of(moved));

        assertThat(units()).contains(entry("DT-SADEC-TKD", "Phường Tân Khánh Đông", "DT", 1));
        List<Map<String, Object>> lastYear = RestAssured.given().queryParam("on", "2022-12-31")
                .get("/api/stats/units").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(lastYear).contains(entry("DT-SADEC-TKD", "Xã Tân Khánh Đông (mới)", "DT-SADEC", 2));
        RestAssured.given().queryParam("on", "31/12/2022").get("/api/stats/units").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("on"));

        assertThat(report("DT-SADEC")).as("2022-H2 by the tree of 2022-H2").isEqualTo(city);
        List<String> rows = csvRows("DT-SADEC");
        assertThat(rows.get(2)).startsWith("2,DT-SADEC-TKD,Xã Tân Khánh Đông (mới),");

        UnitData unclosed = new UnitData("DT-BADHIST", "Xã Lỗi", "DT", 1, List.of(UnitState.open(null, "Xã Lỗi", "DT"),
                new UnitState(LocalDate.of(2023, 1, 1), "Xã Lỗi", "DT", true, null)));
        String topic = topics.catalogue();
        UnitData sentinel = Catalogue.unit("DT-SADEC-P5", "Phường 5", "DT-SADEC");
        int partition = Catalogue.partitionOf(Topics.unitKey(sentinel.code()));
        Catalogue.send(kafkaAdmin, List.of(Catalogue.onPartition(partition, Catalogue.record(topic, unclosed)),
                Catalogue.onPartition(partition, Catalogue.record(topic, sentinel))));
        Catalogue.awaitListed(List.of(sentinel));
        try (TopicReader<byte[]> dlq = new TopicReader<>(kafkaAdmin, topic + ".dlq", bytes -> bytes)) {
            dlq.until(letters -> letters.size() >= 5);
            assertThat(dlq.records()).filteredOn(letter -> letter.key().equals("unit:DT-BADHIST")).singleElement()
                    .satisfies(letter -> assertThat(header(letter, Topics.DLQ_REASON_HEADER)).contains("successor"));
        }
        assertThat(codes()).doesNotContain("DT-BADHIST");
    }

    // --- dossiers -------------------------------------------------------------------------------------------------

    /**
     * Seven dossiers of one unit that fill every column of form 06 in 2022-H2: online at levels 3 and 4, at the
     * counter and by post; carried over from H1; resolved early, on time and late; withdrawn; still open, overdue
     * and within the deadline at the end of the half-year.
     */
    private static List<History> everyColumn(String unit, String prefix) {
        return List.of(
                closed(prefix + "-L3", unit, Channel.ONLINE, 3, "2022-08-01T09:00", "2022-08-05T17:00",
                        EventTypes.RESOLVED, "2022-08-02T10:00", Timeliness.EARLY),
                closed(prefix + "-L4", unit, Channel.ONLINE, 4, "2022-08-01T09:00", "2022-08-05T17:00",
                        EventTypes.RESOLVED, "2022-08-05T10:00", Timeliness.ON_TIME),
                closed(prefix + "-LATE", unit, Channel.DIRECT, null, "2022-09-01T09:00", "2022-09-06T17:00",
                        EventTypes.RESOLVED, "2022-09-20T10:00", Timeliness.LATE),
                closed(prefix + "-CARRIED", unit, Channel.POSTAL, null, "2022-06-20T09:00", "2022-07-08T17:00",
                        EventTypes.RESOLVED, "2022-07-04T10:00", Timeliness.EARLY),
                closed(prefix + "-WD", unit, Channel.DIRECT, null, "2022-10-03T09:00", "2022-10-10T17:00",
                        EventTypes.WITHDRAWN, "2022-10-05T10:00", null),
                closed(prefix + "-OVERDUE", unit, Channel.DIRECT, null, "2022-11-01T09:00", "2022-11-04T17:00",
                        null, null, null),
                closed(prefix + "-WITHIN", unit, Channel.ONLINE, 3, "2022-12-29T09:00", "2023-01-05T17:00",
                        null, null, null));
    }

    private static History closed(String code, String unit, Channel channel, Integer level, String received,
                                  String due, String closing, String closedAt, Timeliness timeliness) {
        Instant receivedAt = local(received);
        Instant dueAt = local(due);
        List<History.Step> steps = new ArrayList<>();
        steps.add(new History.Step(EventTypes.RECEIVED, receivedAt, dueAt, null));
        if (closing != null) {
            steps.add(new History.Step(closing, local(closedAt), dueAt, timeliness));
        }
        return new History(code, unit, channel, level, receivedAt, List.copyOf(steps), List.of());
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }

    private static void everyColumnCounted(Form06 f) {
        assertThat(List.of(f.newOnline(), f.newDirectOrPostal(), f.carriedOver(), f.early(), f.onTime(), f.late(),
                f.withinDeadline(), f.overdue(), f.withdrawn(), f.level3(), f.level4())).allMatch(n -> n > 0);
    }

    private void publish(List<History> histories) {
        try (Producer<String, byte[]> producer = Events.producer(kafkaAdmin)) {
            Events.send(producer, topics.dossierEvents(), topics.deadlineAlerts(), Events.of(histories));
        }
        PUBLISHED.addAll(histories);
    }

    // --- reports --------------------------------------------------------------------------------------------------

    /** The test's own count of 2022-H2 over the dossiers of these unit codes. */
    private static Form06 expected(Set<String> units) {
        return Recount.count(PUBLISHED, units, H2.from(), H2.to(), NOW);
    }

    /** Until the report equals the recount; the sweep moves open dossiers past their due time meanwhile. */
    private void awaitReport(String unit, Form06 expected) {
        await(unit + " in 2022-H2").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    sweep.run();
                    assertThat(report(unit)).isEqualTo(expected);
                });
    }

    private static Form06 report(String unit) {
        String body = RestAssured.given().queryParam("unit", unit).get("/api/stats/reports/" + H2.id())
                .then().statusCode(200).extract().asString();
        try {
            return Form06.of(EventCodec.mapper().readValue(body, PeriodReport.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** The CSV's rows add up to its total row, and the total row shows the JSON report's numbers. */
    private static void assertCsvMatchesJson(String unit) {
        List<String> rows = csvRows(unit);
        long[] sum = new long[14];
        for (String row : rows.subList(1, rows.size() - 1)) {
            long[] numbers = numbers(row);
            Arrays.setAll(sum, i -> sum[i] + numbers[i]);
        }
        long[] total = numbers(rows.get(rows.size() - 1));
        assertThat(total).as("CSV total of " + unit).containsExactly(sum);
        var json = RestAssured.given().queryParam("unit", unit).get("/api/stats/reports/" + H2.id()).jsonPath();
        assertThat(total).as("CSV total and JSON of " + unit).containsExactly(
                json.getLong("received.total"), json.getLong("received.newOnline"),
                json.getLong("received.newDirectOrPostal"), json.getLong("received.carriedOver"),
                json.getLong("resolved.total"), json.getLong("resolved.early"), json.getLong("resolved.onTime"),
                json.getLong("resolved.late"), json.getLong("pending.total"), json.getLong("pending.withinDeadline"),
                json.getLong("pending.overdue"), json.getLong("withdrawn"), json.getLong("online.level3"),
                json.getLong("online.level4"));
    }

    private static List<String> csvRows(String unit) {
        String csv = RestAssured.given().queryParam("unit", unit).get("/api/stats/reports/" + H2.id() + ".csv")
                .then().statusCode(200).extract().asString(); // names have no comma: a plain split will do
        return csv.substring(1).lines().toList();
    }

    private static long[] numbers(String row) {
        String[] cells = row.split(",", -1);
        return Arrays.stream(cells, 3, 3 + 14).mapToLong(Long::parseLong).toArray(); // the indicators follow
    }

    // --- units ----------------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> units() {
        return RestAssured.get("/api/stats/units").then().statusCode(200).contentType("application/json")
                .extract().jsonPath().getList("");
    }

    private static List<String> codes() {
        return units().stream().map(u -> (String) u.get("code")).collect(Collectors.toList());
    }

    private static Map<String, Object> entry(String code, String name, String parentCode, int depth) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("code", code);
        entry.put("name", name);
        entry.put("parentCode", parentCode);
        entry.put("depth", depth);
        return entry;
    }

    private com.mongodb.client.MongoCollection<Document> collection(String name) {
        return database.get().getCollection(name);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
