package vn.motcua.stats.api;

import vn.motcua.testkit.TestKafka;
import vn.motcua.testkit.TestTokens;
import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.config.TopicsConfig;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.TimeSweep;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.store.StatsDatabase;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.Form06;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Recount;
import vn.motcua.stats.support.TestClock;
import vn.motcua.testkit.InfrastructureResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The running service on real Kafka and the MongoDB wire server: generated histories across two years and six
 * units, consumed from the topics, must give the test's own recount in every period and unit, through the API.
 */
@QuarkusTest
// Exact totals of its own generated histories: an application start, database and topics of its own.
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
// The rebuild is an admin's, on the management port: a real token of the WireMock issuer (AccessMatrixTest).
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StatsApiTest {

    static final Instant NOW = OffsetDateTime.parse("2023-11-15T10:00:00+07:00").toInstant();
    static final List<String> PERIODS = List.of("2022-H1", "2022-H2", "2022-Q1", "2022-Q3", "2022", "2023-H1",
            "2023-Q2", "2023-H2", "2023-Q4", "2023");
    static final Set<String> SADEC_AND_CHILDREN =
            Set.of("SADEC", "SADEC-P1", "SADEC-P2", "SADEC-AH", "SADEC-TKD");
    static final Map<String, Set<String>> UNITS = Map.of(
            "ALL", Set.copyOf(HistoryGenerator.UNITS),
            "SADEC", SADEC_AND_CHILDREN,
            "SADEC-P1", Set.of("SADEC-P1"),
            "SADEC-TKD", Set.of("SADEC-TKD"),
            "LAPVO-X", Set.of("LAPVO-X"));

    private static List<History> histories;
    private static Producer<String, byte[]> producer;

    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @Inject
    TopicsConfig topics;
    @Inject
    TestClock clock;
    @Inject
    TimeSweep sweep;
    @Inject
    StatsDatabase database;

    /**
     * Publishes Sa Đéc's units and produces the histories once per application start, and waits until the tree and
     * the projection have them all.
     */
    @BeforeEach
    void historiesConsumed() {
        clock.set(NOW);
        if (histories != null) {
            return;
        }
        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(), Catalogue.SA_DEC);
        producer = Events.producer(kafkaAdmin);
        histories = new HistoryGenerator(6, NOW).generate("API", 400);
        List<Events.Outgoing> events = Events.of(histories);
        Events.send(producer, topics.dossierEvents(), topics.deadlineAlerts(), events);
        long dossierEvents = events.stream().filter(e -> !e.alert()).count();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> observations() == dossierEvents);
        sweep.run();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
        histories = null;
    }

    @Test
    void everyPeriodAndUnitMatchesTheIndependentRecount() throws Exception {
        for (String period : PERIODS) {
            Period p = Period.parse(period).orElseThrow();
            for (Map.Entry<String, Set<String>> unit : UNITS.entrySet()) {
                String body = RestAssured.given().queryParam("unit", unit.getKey())
                        .get("/api/stats/reports/" + period).then().statusCode(200).extract().asString();
                PeriodReport report = EventCodec.mapper().readValue(body, PeriodReport.class);
                assertThat(Form06.of(report)).as(period + " " + unit.getKey())
                        .isEqualTo(Recount.count(histories, unit.getValue(), p.from(), p.to(), NOW));
                assertThat(report.period()).isEqualTo(period);
                assertThat(report.unit()).isEqualTo(unit.getKey());
            }
        }
        Form06 all2022 = Recount.count(histories, UNITS.get("ALL"), Period.year(2022).from(), Period.year(2022).to(), NOW);
        assertThat(all2022.received()).as("the generator covers the cases").isGreaterThan(100);
        assertThat(all2022.late()).isPositive();
        assertThat(all2022.withdrawn()).isPositive();
        assertThat(Recount.count(histories, UNITS.get("ALL"), Period.half(2023, 2).from(), Period.half(2023, 2).to(), NOW)
                .overdue()).isPositive();
    }

    /**
     * Every period by the cut-off on the 15th, broken down by procedure: the total and each procedure's row match the
     * recount over that convention's dates and that procedure's histories, with Decision 766's indicators.
     */
    @Test
    void cutOffPeriodsAndProcedureRowsMatchTheIndependentRecount() throws Exception {
        for (String period : PERIODS) {
            Period p = Period.parse(period, PeriodConvention.CUTOFF_15).orElseThrow();
            for (Map.Entry<String, Set<String>> unit : UNITS.entrySet()) {
                String body = RestAssured.given().queryParam("unit", unit.getKey()).queryParam("cutoff", "15")
                        .queryParam("by", "procedure").get("/api/stats/reports/" + period)
                        .then().statusCode(200).extract().asString();
                PeriodReport report = EventCodec.mapper().readValue(body, PeriodReport.class);
                String what = period + ".c15 " + unit.getKey();
                assertThat(report.from()).as(what).isEqualTo(p.from());
                assertThat(report.to()).as(what).isEqualTo(p.to());
                assertThat(Form06.of(report)).as(what)
                        .isEqualTo(Recount.count(histories, unit.getValue(), p.from(), p.to(), NOW));
                assertIndicators(report.indicators(), Recount.resolutions(histories, unit.getValue(), p.from(), p.to()));
                for (String procedure : History.PROCEDURES) {
                    List<History> ofProcedure = histories.stream().filter(h -> h.procedure().equals(procedure)).toList();
                    Form06 expected = Recount.count(ofProcedure, unit.getValue(), p.from(), p.to(), NOW);
                    var row = report.rows().stream().filter(r -> r.code().equals(procedure)).findFirst();
                    if (expected.received() == 0) {
                        assertThat(row).as(what + " " + procedure).isEmpty();
                        continue;
                    }
                    assertThat(Form06.of(row.orElseThrow())).as(what + " " + procedure).isEqualTo(expected);
                    assertIndicators(row.get().indicators(),
                            Recount.resolutions(ofProcedure, unit.getValue(), p.from(), p.to()));
                }
            }
        }
        assertThat(Recount.resolutions(histories, UNITS.get("ALL"), Period.year(2022).from(), Period.year(2022).to()))
                .as("the generator covers the cases")
                .satisfies(r -> assertThat(r.electronic()).isPositive().isLessThan(r.deliveryKnown()))
                .satisfies(r -> assertThat(r.deliveryKnown()).isLessThan(r.measured()));
    }

    private static void assertIndicators(PeriodReport.Indicators actual, Recount.Resolutions expected) {
        assertThat(actual.handlingMeasured()).isEqualTo(expected.measured());
        assertThat(actual.averageHandlingWorkingDays()).isEqualTo(expected.measured() == 0 ? null
                : Math.round(100.0 * expected.handlingDays() / expected.measured()) / 100.0);
        assertThat(actual.resultElectronic()).isEqualTo(expected.electronic());
        assertThat(actual.resultDeliveryKnown()).isEqualTo(expected.deliveryKnown());
        assertThat(actual.electronicResultShare()).isEqualTo(expected.deliveryKnown() == 0 ? null
                : Math.round(10_000.0 * expected.electronic() / expected.deliveryKnown()) / 10_000.0);
    }

    @Test
    void badByOrCutoffIsAProblemNamingTheParameter() {
        RestAssured.given().queryParam("by", "ward").get("/api/stats/reports/2022-H1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("by"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("receivingUnit"));
        RestAssured.given().queryParam("cutoff", "20").get("/api/stats/reports/2022-H1.csv").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("cutoff"));
        String fields = RestAssured.given().queryParam("by", "field").queryParam("cutoff", "15")
                .get("/api/stats/reports/2022-H1.csv").then().statusCode(200).extract().asString();
        assertThat(fields.lines().findFirst().orElseThrow()).contains("Mã lĩnh vực,Lĩnh vực");
        String counters = RestAssured.given().queryParam("by", "receivingUnit")
                .get("/api/stats/reports/2022-H1.csv").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("-receivingUnit.csv"))
                .extract().asString();
        assertThat(counters.lines().findFirst().orElseThrow()).contains("Mã nơi tiếp nhận,Nơi tiếp nhận");
        RestAssured.given().queryParam("by", "receivingUnit").get("/api/stats/reports/2022-H1").then()
                .statusCode(200).body("by", equalTo("receivingUnit"));
    }

    @Test
    void reportShapeDefaultsToAllAndIsAsOfTheEarlierOfNowAndPeriodEnd() {
        RestAssured.get("/api/stats/reports/2022-H1").then().statusCode(200)
                .body("unit", equalTo("ALL"))
                .body("from", equalTo("2022-01-01"))
                .body("to", equalTo("2022-06-30"))
                .body("asOf", startsWith("2022-06-30T23:59:59.999"));
        RestAssured.get("/api/stats/reports/2023-H2").then().statusCode(200)
                .body("asOf", equalTo("2023-11-15T10:00:00+07:00"));
    }

    @Test
    void csvHasTheFormColumnsInVietnameseOneRowPerUnitAndATotal() {
        byte[] body = RestAssured.given().queryParam("unit", "SADEC").get("/api/stats/reports/2022-H1.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).contains("Tổng số", "Mới tiếp nhận trực tuyến",
                "Mới tiếp nhận trực tiếp và qua bưu chính", "Từ kỳ trước chuyển qua", "Trước hạn", "Đúng hạn",
                "Quá hạn", "Trong hạn", "Rút hồ sơ");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("1,SADEC,UBND thành phố Sa Đéc,"));
        Form06 expected = Recount.count(histories, SADEC_AND_CHILDREN, Period.half(2022, 1).from(),
                Period.half(2022, 1).to(), NOW);
        String total = lines.get(lines.size() - 1);
        assertThat(total).startsWith(",SADEC,Tổng cộng," + expected.received() + "," + expected.newOnline() + ","
                + expected.newDirectOrPostal() + "," + expected.carriedOver() + ",");
        assertThat(lines).hasSize(1 + SADEC_AND_CHILDREN.size() + 1);

        String byAccept = RestAssured.given().accept("text/csv").get("/api/stats/reports/2022-H1")
                .then().statusCode(200).extract().asString();
        assertThat(byAccept).contains("Tổng cộng");
    }

    @Test
    void badPeriodOrUnitIsAProblemNamingTheField() {
        RestAssured.get("/api/stats/reports/2022-H3").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("period"));
        RestAssured.given().queryParam("unit", "NOWHERE").get("/api/stats/reports/2022").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("unit"));
    }

    /** The suite's one error shape (docs/contracts.md, "Errors: problem+json"), on the CSV path too. */
    @Test
    void aBadQueryAnswersTheOneProblemShape() {
        for (String path : List.of("/api/stats/reports/2022-H3", "/api/stats/reports/2022-H3.csv")) {
            Map<String, Object> problem = RestAssured.get(path).then().statusCode(400)
                    .contentType("application/problem+json").extract().jsonPath().getMap("");
            assertThat(problem).as(path).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors")
                    .containsEntry("type", "about:blank")
                    .containsEntry("title", "Invalid request")
                    .containsEntry("status", 400)
                    .containsEntry("instance", path);
            assertThat((String) problem.get("detail")).isNotBlank();
            assertThat((List<?>) problem.get("errors")).singleElement()
                    .isEqualTo(Map.of("field", "period", "message",
                            "expected a year (2022), a half-year (2022-H1) or a quarter (2022-Q3), got '2022-H3'"));
        }
    }

    private static RequestSpecification admin() {
        return RestAssured.given().auth().oauth2(TestTokens.user("admin-1", "admin"));
    }

    @Test
    void rebuildFindsNoDifferenceThenFindsAndFixesATamperedTotal() {
        admin().post(Management.url("/api/stats/admin/rebuild?dryRun=true")).then().statusCode(200)
                .body("differences.size()", equalTo(0))
                .body("dossiers", equalTo(histories.size()));

        database.get().getCollection("totals").updateOne(new Document("_id", "SADEC-P1|1.001612|2022-H1"),
                new Document("$inc", new Document("c.newOnline", 5)));
        admin().post(Management.url("/api/stats/admin/rebuild?dryRun=true")).then().statusCode(200)
                .body("differences.size()", equalTo(1))
                .body("differences[0].counter", equalTo("newOnline"))
                .body("differences[0].unit", equalTo("SADEC-P1"))
                .body("differences[0].procedure", equalTo("1.001612"))
                .body("fixed", equalTo(false));
        admin().post(Management.url("/api/stats/admin/rebuild")).then().statusCode(200)
                .body("differences.size()", equalTo(1)).body("fixed", equalTo(true));
        admin().post(Management.url("/api/stats/admin/rebuild?dryRun=true")).then().statusCode(200)
                .body("differences.size()", equalTo(0));
    }

    @Test
    void unparseableEventsGoToTheDeadLetterTopicAndUnknownTypesAreSkipped() throws Exception {
        long before = observations();
        producer.send(new ProducerRecord<>(topics.dossierEvents(), "X-1", "{not json".getBytes(StandardCharsets.UTF_8))).get();
        var unknown = EventCodec.mapper().createObjectNode()
                .put("specversion", "1.0").put("id", "00000000-0000-4000-8000-00000000abcd")
                .put("source", "/motcua/future").put("type", "dossier.teleported")
                .put("time", "2023-11-15T09:00:00+07:00");
        unknown.putObject("data").put("dossierCode", "X-2");
        producer.send(new ProducerRecord<>(topics.dossierEvents(), "X-2", EventCodec.mapper().writeValueAsBytes(unknown))).get();

        List<String> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(
                KafkaClients.consumerConfig(kafkaAdmin, "dlq-reader-" + System.nanoTime()))) {
            reader.subscribe(List.of(topics.dossierEvents() + ".dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerRecords<String, byte[]> records = reader.poll(Duration.ofMillis(200));
                records.forEach(r -> letters.add(r.key()));
                return !letters.isEmpty();
            });
        }
        assertThat(letters).containsExactly("X-1");
        assertThat(observations()).isEqualTo(before);
        assertThat(database.get().getCollection("dossiers").countDocuments(new Document("_id", "X-2"))).isZero();
    }

    private long observations() {
        long n = 0;
        for (Document doc : database.get().getCollection("dossiers").find()) {
            n += doc.getList("obs", Document.class, List.of()).size();
        }
        return n;
    }
}
