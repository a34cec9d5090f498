package vn.motcua.stats.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.testkit.Browser;
import vn.motcua.testkit.InfrastructureResource;

/**
 * The live panel in headless Chromium: it learns deadline-service's address from {@code /api/dashboard/config},
 * fills itself from the overdue list, then shows each alert of the SSE stream as it comes, per unit, without a
 * reload, across origins (CORS). deadline-service's side is {@link DeadlineServiceFixture}, speaking its contract.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"))
@WithTestResource(DeadlineServiceFixture.class)
class DashboardLiveAlertsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    /** The page names units from the tree, which comes from the catalogue topic alone. */
    @BeforeEach
    void saDecUnitsPublished() {
        Catalogue.publishToServiceAndAwait(Catalogue.SA_DEC);
        DeadlineServiceFixture.requireSession = false;
        DeadlineServiceFixture.sessionUnits = Set.of();
    }

    /**
     * deadline-service wants a session (its code flow) for both reads: the panel offers its login link, back to this
     * very page; signed in, it goes live; for a unit not the caller's it says so; signed out, it asks again. The
     * public figures never wait for any of it.
     */
    @Test
    void asksForDeadlineServicesLoginAndSaysWhenTheUnitIsNotTheCallers() {
        DeadlineServiceFixture.requireSession = true;
        DeadlineServiceFixture.sessionUnits = Set.of("SADEC-P1");
        DeadlineServiceFixture.overdueJson = """
                [{"code":"SADEC-2022-000123","unitCode":"SADEC-P1","procedureCode":"1.004227",\
                "dueDate":"2022-06-28","dueAt":"2022-06-28T17:00:00+07:00"}]""";
        String base = given().get("/api/dashboard/config").then().extract().path("alertsBaseUrl");

        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(root + "?period=2022-H1&unit=SADEC-P1");
            browser.await(d -> "login".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            assertThat(browser.awaitSettled()).as("the public report").isEqualTo("ready");
            String page = browser.url();
            WebElement login = browser.byTestId("alerts-login");
            assertThat(login.isDisplayed()).isTrue();
            assertThat(login.getText()).isEqualTo("Đăng nhập để xem cảnh báo");
            assertThat(login.getAttribute("href"))
                    .isEqualTo(base + "/api/alerts/login?returnTo=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
            assertThat(browser.byTestId("alerts-logout").isDisplayed()).isFalse();
            assertThat(browser.byTestId("alerts-empty").isDisplayed()).as("no 'nothing overdue' before a login").isFalse();
            assertThat(browser.allByTestId("alert-item")).isEmpty();
            int streamsAsked = DeadlineServiceFixture.STREAM_QUERIES.size();

            login.click();
            browser.await(d -> "live".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            assertThat(DeadlineServiceFixture.RETURNS).contains("GET /api/alerts/login " + page);
            assertThat(browser.url()).as("back on the same page").isEqualTo(page);
            browser.await(d -> item(browser, "SADEC-2022-000123") != null);
            assertThat(browser.byTestId("alerts-logout").isDisplayed()).isTrue();
            assertThat(browser.byTestId("alerts-login").isDisplayed()).isFalse();
            assertThat(DeadlineServiceFixture.STREAM_QUERIES.size()).as("the stream opened after the login only")
                    .isGreaterThan(streamsAsked);

            browser.select("unit-select").selectByValue("SADEC-P2");
            browser.await(d -> "forbidden".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            assertThat(browser.byTestId("alerts-forbidden").isDisplayed()).isTrue();
            assertThat(browser.byTestId("alerts-forbidden").getText()).contains("không được xem cảnh báo của đơn vị này");
            assertThat(browser.allByTestId("alert-item")).isEmpty();
            System.out.println("screenshot: " + browser.screenshot("dashboard-alerts-forbidden").toAbsolutePath());

            browser.byTestId("alerts-logout").click();
            browser.await(d -> "login".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            assertThat(DeadlineServiceFixture.RETURNS).anyMatch(r -> r.startsWith("POST /api/alerts/logout "));
            System.out.println("screenshot: " + browser.screenshot("dashboard-alerts-login").toAbsolutePath());
        }
    }

    @Test
    void showsOverdueAndDueSoonDossiersAsTheyHappenWithoutAReload() {
        given().get("/api/dashboard/config").then().statusCode(200)
                .body("alertsBaseUrl", startsWith("http://localhost:"));
        DeadlineServiceFixture.overdueJson = """
                [{"code":"SADEC-2022-000123","unitCode":"SADEC-P1","procedureCode":"1.004227",\
                "dueDate":"2022-06-28","dueAt":"2022-06-28T17:00:00+07:00"}]""";

        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(root + "?period=2022-H1&unit=ALL");
            browser.await(d -> "live".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            browser.await(d -> item(browser, "SADEC-2022-000123") != null);
            assertThat(item(browser, "SADEC-2022-000123").getDomProperty("textContent")).contains("Quá hạn", "Phường 1", "28/06/2022");
            browser.js("window.__noReload = true");

            int subscribers = DeadlineServiceFixture.SUBSCRIBERS.size();
            DeadlineServiceFixture.emit("deadline.due-soon", UUID.randomUUID().toString(), "SADEC-2022-000777",
                    "SADEC-P2", "2022-06-30T17:00:00+07:00");
            browser.await(d -> item(browser, "SADEC-2022-000777") != null);
            WebElement dueSoon = item(browser, "SADEC-2022-000777");
            assertThat(dueSoon.getAttribute("data-type")).isEqualTo("deadline.due-soon");
            assertThat(dueSoon.getDomProperty("textContent")).contains("Sắp đến hạn", "Phường 2", "30/06/2022 17:00");

            // the due time passes: the same dossier turns overdue, in place, counted once
            DeadlineServiceFixture.emit("deadline.overdue", UUID.randomUUID().toString(), "SADEC-2022-000777",
                    "SADEC-P2", "2022-06-30T17:00:00+07:00");
            browser.await(d -> "deadline.overdue".equals(item(browser, "SADEC-2022-000777").getAttribute("data-type")));
            assertThat(browser.allByTestId("alert-item")).hasSize(2);
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='alert-item']")).get(0)
                    .getAttribute("data-dossier")).as("newest first").isEqualTo("SADEC-2022-000777");
            WebElement p2 = browser.driver.findElement(By.cssSelector("#alerts-units-body tr[data-unit='SADEC-P2']"));
            assertThat(p2.findElement(By.cssSelector("[data-testid='alerts-unit-overdue']")).getText()).isEqualTo("1");
            assertThat(p2.findElement(By.cssSelector("[data-testid='alerts-unit-due-soon']")).getText()).isEqualTo("0");

            // the same event twice changes nothing
            String id = UUID.randomUUID().toString();
            DeadlineServiceFixture.emit("deadline.due-soon", id, "SADEC-2022-000888", "SADEC-P2", "2022-07-01T17:00:00+07:00");
            DeadlineServiceFixture.emit("deadline.due-soon", id, "SADEC-2022-000888", "SADEC-P2", "2022-07-01T17:00:00+07:00");
            browser.await(d -> item(browser, "SADEC-2022-000888") != null);
            assertThat(browser.allByTestId("alert-item")).hasSize(3);
            assertThat(browser.js("return window.__noReload")).as("no reload").isEqualTo(true);
            assertThat(subscribers).isPositive();
            System.out.println("screenshot: " + browser.screenshot("dashboard-live-alerts").toAbsolutePath());

            // another unit: the panel asks deadline-service for that unit's stream
            browser.select("unit-select").selectByValue("SADEC-TQD");
            browser.await(d -> DeadlineServiceFixture.STREAM_QUERIES.contains("unit=SADEC-TQD"));
            browser.await(d -> browser.allByTestId("alert-item").size() == 1); // the overdue list again
        }
    }

    /**
     * A provisional due date (counted on the Labour Code rule for a year without its official schedule) is marked
     * "(tạm tính)", with a title saying why, on the overdue list's items and on the alerts; firm ones are not.
     */
    @Test
    void marksProvisionalDueDatesOnTheListAndTheAlerts() {
        DeadlineServiceFixture.overdueJson = """
                [{"code":"SADEC-2027-000001","unitCode":"SADEC-P1","procedureCode":"1.004227",\
                "dueDate":"2027-01-04","dueAt":"2027-01-04T17:00:00+07:00","dueDateProvisional":true},\
                {"code":"SADEC-2027-000002","unitCode":"SADEC-P1","procedureCode":"1.004227",\
                "dueDate":"2027-01-05","dueAt":"2027-01-05T17:00:00+07:00","dueDateProvisional":false}]""";
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(root + "?period=2022-H1&unit=ALL");
            browser.await(d -> "live".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            browser.await(d -> item(browser, "SADEC-2027-000002") != null);
            WebElement provisional = item(browser, "SADEC-2027-000001");
            WebElement mark = provisional.findElement(By.cssSelector("[data-testid='alert-due-provisional']"));
            assertThat(mark.getText()).isEqualTo("(tạm tính)");
            assertThat(mark.getAttribute("title"))
                    .isEqualTo("hạn giải quyết tạm tính: chưa có lịch nghỉ chính thức của năm");
            assertThat(provisional.getDomProperty("textContent")).contains("04/01/2027 17:00 (tạm tính)");
            assertThat(item(browser, "SADEC-2027-000002")
                    .findElements(By.cssSelector("[data-testid='alert-due-provisional']"))).isEmpty();

            DeadlineServiceFixture.emit("deadline.due-soon", UUID.randomUUID().toString(), "SADEC-2027-000003",
                    "SADEC-P2", "2027-01-06T17:00:00+07:00", true);
            DeadlineServiceFixture.emit("deadline.due-soon", UUID.randomUUID().toString(), "SADEC-2027-000004",
                    "SADEC-P2", "2027-01-06T17:00:00+07:00", false);
            browser.await(d -> item(browser, "SADEC-2027-000004") != null);
            assertThat(item(browser, "SADEC-2027-000003")
                    .findElements(By.cssSelector("[data-testid='alert-due-provisional']"))).hasSize(1);
            assertThat(item(browser, "SADEC-2027-000004")
                    .findElements(By.cssSelector("[data-testid='alert-due-provisional']"))).isEmpty();

            // the date moved and is firm now: the next alert of the dossier drops the mark
            DeadlineServiceFixture.emit("deadline.overdue", UUID.randomUUID().toString(), "SADEC-2027-000003",
                    "SADEC-P2", "2027-01-07T17:00:00+07:00", false);
            browser.await(d -> "deadline.overdue".equals(item(browser, "SADEC-2027-000003").getAttribute("data-type")));
            assertThat(item(browser, "SADEC-2027-000003")
                    .findElements(By.cssSelector("[data-testid='alert-due-provisional']"))).isEmpty();
            System.out.println("screenshot: " + browser.screenshot("dashboard-alerts-provisional").toAbsolutePath());
        }
    }

    private static WebElement item(Browser browser, String dossierCode) {
        return browser.driver.findElements(By.cssSelector("[data-testid='alert-item'][data-dossier='" + dossierCode + "']"))
                .stream().findFirst().orElse(null);
    }
}
