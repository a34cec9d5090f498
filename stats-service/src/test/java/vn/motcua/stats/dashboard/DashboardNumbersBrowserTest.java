package vn.motcua.stats.dashboard;

import vn.motcua.testkit.TestKafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.Timeliness;
import vn.motcua.config.TopicsConfig;
import vn.motcua.events.Channel;
import vn.motcua.events.Decision;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.testkit.Browser;
import vn.motcua.testkit.InfrastructureResource;

/**
 * The page against the real report API (stats-service's consumers and {@code GET /api/stats/reports/{period}}).
 * <p>
 * Dossier events go onto the real {@code dossier-events} topic; once the report API counts them, headless
 * Chromium must show exactly the API's numbers, in vi-VN format, in the four headlines and every form 06 cell,
 * for several periods and units chosen through the page's own selectors.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"))
class DashboardNumbersBrowserTest {

    private static final String UNIT_FILTER = "?unit=";

    @TestHTTPResource("/")
    URL root;

    final Map<String, Object> kafkaAdmin = TestKafka.admin();

    @Inject
    TopicsConfig topics;

    private static boolean seeded;
    private static boolean seedTried;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        assertThat(seedTried).as("the report API did not count the seeded dossiers (see the first test)").isFalse();
        seedTried = true;
        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(), Catalogue.SA_DEC);
        Properties props = new Properties();
        props.putAll(kafkaAdmin);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            // received in H1 2022, resolved early / on time / late; online levels 3 and 4, counter and post
            dossier(producer, "DB-001", "SADEC-P1", Channel.ONLINE, 3, "2022-03-01T09:00:00+07:00", "2022-03-04",
                    "2022-03-03T10:00:00+07:00", Timeliness.EARLY);
            dossier(producer, "DB-002", "SADEC", Channel.ONLINE, 4, "2022-03-01T09:00:00+07:00", "2022-03-04",
                    "2022-03-04T15:00:00+07:00", Timeliness.ON_TIME);
            dossier(producer, "DB-003", "SADEC", Channel.DIRECT, null, "2022-04-04T09:00:00+07:00", "2022-04-07",
                    "2022-04-12T09:00:00+07:00", Timeliness.LATE);
            dossier(producer, "DB-004", "SADEC-P1", Channel.DIRECT, null, "2022-05-04T09:00:00+07:00", "2022-05-09",
                    "2022-05-06T09:00:00+07:00", Timeliness.EARLY);
            // still open at the end of H1: overdue, and within its deadline
            dossier(producer, "DB-005", "SADEC-P2", Channel.POSTAL, null, "2022-03-07T09:00:00+07:00", "2022-03-10",
                    null, null);
            dossier(producer, "DB-006", "SADEC-P1", Channel.ONLINE, 3, "2022-06-29T09:00:00+07:00", "2022-07-05",
                    null, null);
            // received in H2 2021, resolved in Q1 2022: carried over
            dossier(producer, "DB-007", "SADEC-TQD", Channel.DIRECT, null, "2021-12-28T09:00:00+07:00", "2022-01-07",
                    "2022-01-06T09:00:00+07:00", Timeliness.EARLY);
            producer.flush();
        }
        await("GET /api/stats/reports/2022-H1 counts the 7 seeded dossiers (needs the report API)")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().get("/api/stats/reports/2022-H1").then().extract().statusCode() == 200
                        && given().get("/api/stats/reports/2022-H1").jsonPath().getInt("received.total") == 7);
        seeded = true;
    }

    @Test
    void showsTheReportApisNumbersForEachPeriodAndUnit() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(root + "?period=2022-H1&unit=ALL");
            assertThat(browser.awaitSettled()).isEqualTo("ready");
            assertShows(browser, "2022-H1", "ALL");
            System.out.println("screenshot: " + browser.screenshot("dashboard-numbers-2022-H1-ALL").toAbsolutePath());

            browser.select("unit-select").selectByValue("SADEC");
            awaitView(browser, "2022-H1", "SADEC");
            assertShows(browser, "2022-H1", "SADEC");
            assertChildRow(browser, "2022-H1", "SADEC-P1");
            assertChildRow(browser, "2022-H1", "SADEC-P2");

            browser.select("unit-select").selectByValue("SADEC-P1");
            awaitView(browser, "2022-H1", "SADEC-P1");
            assertShows(browser, "2022-H1", "SADEC-P1");

            browser.select("period-kind").selectByValue("Q");
            awaitView(browser, "2022-Q2", "SADEC-P1");
            browser.select("period-select").selectByValue("2022-Q1");
            awaitView(browser, "2022-Q1", "SADEC-P1");
            assertShows(browser, "2022-Q1", "SADEC-P1");

            browser.select("unit-select").selectByValue("ALL");
            awaitView(browser, "2022-Q1", "ALL");
            assertShows(browser, "2022-Q1", "ALL");

            browser.select("period-kind").selectByValue("Y");
            awaitView(browser, "2022", "ALL");
            assertShows(browser, "2022", "ALL");

            browser.select("period-kind").selectByValue("H");
            browser.select("period-select").selectByValue("2021-H2");
            awaitView(browser, "2021-H2", "ALL");
            assertShows(browser, "2021-H2", "ALL");

            // the trend: the chosen half-year and the four before it
            browser.await(d -> "ready".equals(browser.js("return document.body.dataset.trend")));
            assertThat(browser.js("return document.getElementById('chart-trend').dataset.points")).isEqualTo("5");
        }
    }

    /**
     * Decision 766's indicators, the breakdown by field and by procedure, and the cut-off convention, chosen on the
     * page: what it shows is the API's answer for the same query, in vi-VN.
     */
    @Test
    void showsTheIndicatorsTheBreakdownAndTheCutOffConvention() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(root + "?period=2022-H1&unit=ALL");
            assertThat(browser.awaitSettled()).isEqualTo("ready");
            assertIndicators(browser, "");

            browser.select("cutoff-select").selectByValue("15");
            browser.await(d -> browser.url().contains("cutoff=15")
                    && "ready".equals(browser.js("return document.body.dataset.state"))
                    && browser.text("report-range").contains("15/12/2021"));
            assertThat(browser.text("report-range")).contains("15/12/2021", "14/06/2022");
            assertIndicators(browser, "&cutoff=15");

            browser.select("by-select").selectByValue("procedure");
            browser.await(d -> browser.url().contains("by=procedure") && !d.findElements(org.openqa.selenium.By
                    .cssSelector("[data-testid='f06-child-row'][data-unit='1.004227']")).isEmpty());
            JsonPath r = given().get("/api/stats/reports/2022-H1?by=procedure&cutoff=15").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(browser.text("f06-name-head")).isEqualTo("Thủ tục");
            assertThat(browser.driver.findElement(org.openqa.selenium.By.cssSelector(
                    "[data-testid='f06-child-row'][data-unit='1.004227'] [data-col='c3']")).getText().strip())
                    .isEqualTo(vi(r.getInt("rows[0].received.total")));
            String csv = browser.byTestId("csv-link").getAttribute("href");
            assertThat(csv).contains(".csv?", "by=procedure", "cutoff=15");

            browser.select("by-select").selectByValue("field");
            browser.await(d -> browser.url().contains("by=field") && "Lĩnh vực".equals(browser.text("f06-name-head")));
        }
    }

    private void assertIndicators(Browser browser, String query) {
        JsonPath r = given().get("/api/stats/reports/2022-H1?unit=ALL" + query).then().statusCode(200)
                .extract().jsonPath();
        browser.await(d -> browser.text("ind-onTime").contains(pct(r.getDouble("indicators.onTimeShare"))));
        assertThat(browser.text("ind-online")).contains(pct(r.getDouble("indicators.onlineShare")));
        assertThat(browser.text("ind-electronic")).contains(pct(r.getDouble("indicators.electronicResultShare")));
        assertThat(browser.text("ind-handling"))
                .isEqualTo(String.valueOf(r.getDouble("indicators.averageHandlingWorkingDays"))
                        .replace('.', ',').replaceAll(",0$", ""));
        assertThat(r.getInt("indicators.handlingMeasured")).isPositive();
    }

    @Test
    void csvLinkDownloadsTheForm06Table() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(root + "?period=2022-H1&unit=SADEC");
            browser.awaitSettled();
            String href = browser.byTestId("csv-link").getAttribute("href");
            String path = URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery();
            String csv = given().get(path).then().statusCode(200).extract().asString();
            assertThat(csv).contains("Tổng số", "Trước hạn", "Đúng hạn");
        }
    }

    private void awaitView(Browser browser, String period, String unit) {
        browser.await(d -> period.equals(browser.js("return document.body.dataset.period"))
                && unit.equals(browser.js("return document.body.dataset.unit"))
                && "ready".equals(browser.js("return document.body.dataset.state")));
        assertThat(browser.url()).contains("period=" + period, "unit=" + unit);
    }

    private void assertShows(Browser browser, String period, String unit) {
        JsonPath r = given().get("/api/stats/reports/" + period + UNIT_FILTER + unit)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("headline-received", r.getInt("received.total"));
        expected.put("headline-onTimeOrEarly", r.getInt("summary.onTimeOrEarly"));
        expected.put("headline-lateOrOverdue", r.getInt("summary.lateOrOverdue"));
        expected.put("headline-online", r.getInt("received.newOnline"));
        expected.put("f06-c3", r.getInt("received.total"));
        expected.put("f06-c4", r.getInt("received.newOnline"));
        expected.put("f06-c5", r.getInt("received.newDirectOrPostal"));
        expected.put("f06-c6", r.getInt("received.carriedOver"));
        expected.put("f06-c7", r.getInt("resolved.total"));
        expected.put("f06-c8", r.getInt("resolved.early"));
        expected.put("f06-c9", r.getInt("resolved.onTime"));
        expected.put("f06-c10", r.getInt("resolved.late"));
        expected.put("f06-c11", r.getInt("pending.total"));
        expected.put("f06-c12", r.getInt("pending.withinDeadline"));
        expected.put("f06-c13", r.getInt("pending.overdue"));
        expected.put("f06-withdrawn", r.getInt("withdrawn"));
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        expected.forEach((testId, value) -> {
            shown.put(testId, browser.text(testId));
            wanted.put(testId, vi(value));
        });
        assertThat(shown).as("%s / %s", period, unit).isEqualTo(wanted);
        assertThat(browser.text("summary-text"))
                .contains(vi(r.getInt("received.total")), pct(r.getDouble("summary.onTimeRate")),
                        pct(r.getDouble("summary.onlineRate")));
        assertThat(browser.text("report-range")).contains(date(r.getString("from")), date(r.getString("to")));
    }

    /** The ward's row under the city in form 06 equals the ward's own report. */
    private void assertChildRow(Browser browser, String period, String unit) {
        JsonPath r = given().get("/api/stats/reports/" + period + UNIT_FILTER + unit)
                .then().statusCode(200).extract().jsonPath();
        String row = "[data-testid='f06-child-row'][data-unit='" + unit + "'] ";
        browser.await(d -> !d.findElements(org.openqa.selenium.By.cssSelector(row + "[data-col='c3']")).isEmpty()
                && !"–".equals(d.findElement(org.openqa.selenium.By.cssSelector(row + "[data-col='c3']")).getText()));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("c3", "received.total");
        paths.put("c4", "received.newOnline");
        paths.put("c5", "received.newDirectOrPostal");
        paths.put("c6", "received.carriedOver");
        paths.put("c7", "resolved.total");
        paths.put("c8", "resolved.early");
        paths.put("c9", "resolved.onTime");
        paths.put("c10", "resolved.late");
        paths.put("c11", "pending.total");
        paths.put("c12", "pending.withinDeadline");
        paths.put("c13", "pending.overdue");
        paths.put("withdrawn", "withdrawn");
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        paths.forEach((col, path) -> {
            shown.put(col, browser.driver.findElement(org.openqa.selenium.By.cssSelector(row + "[data-col='" + col + "']"))
                    .getText().strip());
            wanted.put(col, vi(r.getInt(path)));
        });
        assertThat(shown).as("form 06 row of %s in %s", unit, period).isEqualTo(wanted);
    }

    /** 2264 → "2.264". */
    static String vi(long n) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(n);
    }

    /** 0.9337 → "93,37" (the browser adds its percent sign). */
    static String pct(double fraction) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0.00", symbols).format(fraction * 100);
    }

    /** "2022-07-05" → "05/07/2022". */
    static String date(String iso) {
        LocalDate d = LocalDate.parse(iso);
        return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private void dossier(KafkaProducer<String, byte[]> producer, String code, String unit, Channel channel,
                         Integer level, String receivedAt, String dueDate, String resolvedAt, Timeliness timeliness)
            throws Exception {
        OffsetDateTime received = OffsetDateTime.parse(receivedAt);
        OffsetDateTime dueAt = LocalDate.parse(dueDate).atTime(17, 0).atOffset(received.getOffset());
        URI source = URI.create("/intake-service");
        DossierData receivedData = new DossierData(code, unit, "1.004227", channel, level, received,
                LocalDate.parse(dueDate), dueAt, 1, null, null, null, null, null, null, null, null);
        send(producer, EventCodec.dossierEvent(EventTypes.RECEIVED, source, received, receivedData));
        if (resolvedAt != null) {
            OffsetDateTime resolved = OffsetDateTime.parse(resolvedAt);
            // Decision 766's inputs: online results delivered electronically, the rest on paper; the handling time
            // as the calendar days between (the page shows what the API says, whatever intake's count).
            DossierData resolvedData = new DossierData(code, unit, "1.004227", channel, level, received,
                    LocalDate.parse(dueDate), dueAt, 2, null, null, null, null, resolved, Decision.APPROVED, timeliness,
                    null, channel == Channel.ONLINE ? ResultDelivery.ELECTRONIC : ResultDelivery.PAPER,
                    (int) java.time.temporal.ChronoUnit.DAYS.between(received.toLocalDate(), resolved.toLocalDate()));
            send(producer, EventCodec.dossierEvent(EventTypes.RESOLVED, source, resolved, resolvedData));
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, vn.motcua.events.CloudEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topics.dossierEvents(), event.subject(), EventCodec.write(event))).get();
    }
}
