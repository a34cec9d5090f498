package vn.motcua.stats.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.testkit.Browser;
import vn.motcua.testkit.InfrastructureResource;

/**
 * The dashboard page in headless Chromium, against the running stats-service: it loads, speaks Vietnamese first,
 * keeps period, unit and language in the URL, formats numbers and dates the vi-VN way and fits a laptop and a
 * phone. Holds whether or not the report API answers; the numbers themselves are checked by
 * {@link DashboardNumbersBrowserTest}.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"))
class DashboardPageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    /** The page names units from the tree, which comes from the catalogue topic alone. */
    @BeforeEach
    void saDecUnitsPublished() {
        Catalogue.publishToServiceAndAwait(Catalogue.SA_DEC);
    }

    private String page(String query) {
        return root.toString().replaceAll("/$", "") + "/" + query;
    }

    @Test
    void servesThePageChartJsAndItsConfigItself() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Tình hình giải quyết thủ tục hành chính"));
        given().get("/webjars/chart.js/4.5.1/dist/chart.umd.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().get("/dashboard/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/api/dashboard/config").then().statusCode(200)
                .body("alertsBaseUrl", equalTo("http://localhost:8082"))
                .body("citizenPageUrl", equalTo("http://intake.test/tra-cuu"));
    }

    @Test
    void opensTheViewNamedInTheUrlWithVietnameseHeadings() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page("?period=2022-H1&unit=SADEC"));
            browser.awaitSettled();

            assertThat(browser.select("period-kind").getFirstSelectedOption().getAttribute("value")).isEqualTo("H");
            assertThat(browser.select("period-select").getFirstSelectedOption().getAttribute("value")).isEqualTo("2022-H1");
            assertThat(browser.select("period-select").getFirstSelectedOption().getText()).isEqualTo("6 tháng đầu năm 2022");
            assertThat(browser.select("unit-select").getFirstSelectedOption().getAttribute("value")).isEqualTo("SADEC");
            assertThat(browser.text("report-heading")).isEqualTo("6 tháng đầu năm 2022 · UBND thành phố Sa Đéc");
            assertThat(browser.js("return document.documentElement.lang")).isEqualTo("vi");

            String table = browser.text("form06-table");
            assertThat(table).contains("Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết",
                    "Tổng số", "Mới tiếp nhận trực tuyến", "Mới tiếp nhận trực tiếp và qua bưu chính",
                    "Từ kỳ trước chuyển qua", "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "(13)");
            assertThat(browser.driver.findElement(By.cssSelector(".card-received h3")).getText())
                    .isEqualToIgnoringCase("Hồ sơ tiếp nhận");
            assertThat(browser.byTestId("csv-link").getAttribute("href"))
                    .endsWith("/api/stats/reports/2022-H1.csv?unit=SADEC");
            assertThat(browser.byTestId("csv-link").getText()).contains("CSV");
            assertThat(browser.js("return typeof window.Chart")).as("Chart.js from the webjar").isEqualTo("function");
            assertThat(browser.allByTestId("alerts-list")).hasSize(1);
            assertThat(browser.text("citizen-link")).isEqualTo("Tra cứu hồ sơ");
            assertThat(browser.byTestId("citizen-link").getAttribute("href")).as("from /api/dashboard/config")
                    .isEqualTo("http://intake.test/tra-cuu");

            // the unit picker: the tree of GET /api/stats/units, in its order, each ward indented under its city
            List<WebElement> options = browser.select("unit-select").getOptions();
            List<String> units = options.stream().map(o -> o.getAttribute("value")).toList();
            List<String> tree = given().get("/api/stats/units").then().statusCode(200).extract().jsonPath()
                    .getList("code", String.class);
            assertThat(units).first().isEqualTo("ALL");
            assertThat(units.subList(1, units.size())).isEqualTo(tree)
                    .contains("SADEC", "SADEC-P1", "SADEC-AH", "SADEC-TPD");
            int city = units.indexOf("SADEC");
            assertThat(units.get(city + 1)).as("the first ward right under its city").isEqualTo("SADEC-P1");
            assertThat(optionLabel(options.get(city))).isEqualTo("UBND thành phố Sa Đéc");
            assertThat(optionLabel(options.get(city + 1))).as("indented one level").isEqualTo("\u2003Phường 1");
            assertThat(options.get(city + 1).getDomAttribute("data-depth")).isEqualTo("1");
            assertThat(options.get(city).getDomAttribute("data-depth")).isEqualTo("0");

            // form 06 lists the city's wards and communes under it
            browser.await(d -> browser.allByTestId("f06-child-row").size() == units.size() - 2);
            List<String> rows = browser.allByTestId("f06-child-row").stream()
                    .map(tr -> tr.getAttribute("data-unit")).toList();
            assertThat(rows).startsWith("SADEC-P1", "SADEC-P2").contains("SADEC-TPD").doesNotContain("SADEC");

            System.out.println("screenshot: " + browser.screenshot("dashboard-1366x768").toAbsolutePath());
        }
    }

    @Test
    void keepsPeriodAndUnitInTheUrlSoThatALinkOpensTheSameView() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page("?period=2022-H1&unit=SADEC"));
            browser.awaitSettled();

            browser.select("unit-select").selectByValue("SADEC-P1");
            browser.await(d -> browser.url().contains("unit=SADEC-P1"));
            assertThat(browser.text("report-heading")).isEqualTo("6 tháng đầu năm 2022 · Phường 1");

            browser.select("period-kind").selectByValue("Q");
            browser.await(d -> browser.url().contains("period=2022-Q2"));
            assertThat(browser.select("period-select").getFirstSelectedOption().getText()).isEqualTo("Quý II/2022");

            browser.select("period-select").selectByValue("2022-Q3");
            browser.await(d -> browser.url().contains("period=2022-Q3"));
            browser.awaitSettled();
            assertThat(browser.js("return document.body.dataset.period")).isEqualTo("2022-Q3");
            assertThat(browser.byTestId("csv-link").getAttribute("href"))
                    .endsWith("/api/stats/reports/2022-Q3.csv?unit=SADEC-P1");

            browser.select("period-kind").selectByValue("Y");
            browser.await(d -> browser.url().contains("period=2022&"));
            assertThat(browser.text("report-heading")).isEqualTo("Năm 2022 · Phường 1");

            browser.driver.navigate().back();
            browser.await(d -> browser.url().contains("period=2022-Q3"));
            browser.await(d -> "2022-Q3".equals(browser.select("period-select").getFirstSelectedOption().getAttribute("value")));

            // a link: a fresh browser at that URL shows the same view
            String link = browser.url();
            try (Browser other = Browser.open(Browser.LAPTOP)) {
                other.get(link);
                other.awaitSettled();
                assertThat(other.select("period-kind").getFirstSelectedOption().getAttribute("value")).isEqualTo("Q");
                assertThat(other.select("period-select").getFirstSelectedOption().getAttribute("value")).isEqualTo("2022-Q3");
                assertThat(other.select("unit-select").getFirstSelectedOption().getAttribute("value")).isEqualTo("SADEC-P1");
                assertThat(other.text("report-heading")).isEqualTo("Quý III/2022 · Phường 1");
            }
        }
    }

    @Test
    void opensOnTheCurrentHalfYearForAllUnits() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        String expected = today.getYear() + "-H" + (today.getMonthValue() <= 6 ? 1 : 2);
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page(""));
            browser.awaitSettled();
            assertThat(browser.url()).contains("period=" + expected, "unit=ALL");
            assertThat(browser.select("unit-select").getFirstSelectedOption().getText()).isEqualTo("Tất cả đơn vị");
        }
    }

    @Test
    void speaksEnglishAsASecondLanguage() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page("?period=2022-H1&unit=SADEC"));
            browser.awaitSettled();

            browser.byTestId("lang-en").click();
            browser.await(d -> browser.url().contains("lang=en"));
            assertThat(browser.text("report-heading")).isEqualTo("First half of 2022 · UBND thành phố Sa Đéc");
            assertThat(browser.text("form06-table")).contains("Resolved", "Carried over", "Within deadline");
            assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
            assertThat(browser.text("citizen-link")).isEqualTo("Look up a dossier");
            assertThat(browser.url()).contains("period=2022-H1", "unit=SADEC");

            browser.byTestId("lang-vi").click();
            browser.await(d -> !browser.url().contains("lang=en"));
            assertThat(browser.text("report-heading")).isEqualTo("6 tháng đầu năm 2022 · UBND thành phố Sa Đéc");
        }
    }

    @Test
    void formatsNumbersDatesAndRatesTheVietnameseWay() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page("?period=2022-H1&unit=SADEC"));
            browser.awaitSettled();
            @SuppressWarnings("unchecked")
            Map<String, Object> formats = (Map<String, Object>) browser.js("""
                    return import('/dashboard/format.js').then(f => ({
                      num: f.num(2264), pct: f.pct(0.9337), date: f.localDate('2022-07-05'),
                      instant: f.instant('2022-07-05T10:30:00Z')}));""");
            assertThat(formats).containsEntry("num", "2.264").containsEntry("date", "05/07/2022")
                    .containsEntry("instant", "05/07/2022 17:30");
            assertThat(((String) formats.get("pct")).replace('\u00a0', ' ')).matches("93,37 ?%");
        }
    }

    @Test
    void fitsALaptopAndAPhone() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page("?period=2022-H1&unit=SADEC"));
            browser.awaitSettled();
            assertNoHorizontalScroll(browser);
            List<Integer> cardTops = headlineCards(browser).stream().map(e -> e.getRect().y).toList();
            assertThat(cardTops).as("four headline numbers in one row").containsOnly(cardTops.get(0));
            WebElement side = browser.driver.findElement(By.cssSelector(".side-col"));
            WebElement main = browser.driver.findElement(By.cssSelector(".main-col"));
            assertThat(side.getRect().x).as("live alerts beside the report").isGreaterThan(main.getRect().x + 600);
            System.out.println("screenshot: " + browser.screenshot("dashboard-1366x768-layout").toAbsolutePath());
        }
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.get(page("?period=2022-H1&unit=SADEC"));
            browser.awaitSettled();
            assertNoHorizontalScroll(browser);
            WebElement side = browser.driver.findElement(By.cssSelector(".side-col"));
            WebElement main = browser.driver.findElement(By.cssSelector(".main-col"));
            assertThat(side.getRect().y).as("one column: live alerts below the report")
                    .isGreaterThanOrEqualTo(main.getRect().y + main.getRect().height);
            List<WebElement> cards = headlineCards(browser);
            for (WebElement card : cards) {
                assertThat(card.getRect().x + card.getRect().width).isLessThanOrEqualTo(390);
            }
            assertThat(browser.byTestId("period-select").getRect().width).isGreaterThan(100);
            System.out.println("screenshot: " + browser.screenshot("dashboard-390x844").toAbsolutePath());
        }
    }

    /** An option's label as the page wrote it: WebDriver's getText() would trim the indentation. */
    private static String optionLabel(WebElement option) {
        return option.getDomProperty("textContent");
    }

    private static List<WebElement> headlineCards(Browser browser) {
        return browser.driver.findElements(By.cssSelector(".headlines .card"));
    }

    private static void assertNoHorizontalScroll(Browser browser) {
        Number overflow = (Number) browser.js(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
    }
}
