package vn.motcua.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.testkit.Browser;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stats-service's dashboard page in headless Chromium ({@link Browser}) on the packaged suite:
 * <ul>
 *   <li>the Sa Đéc figures of H1 2022 (docs/architecture.md, "Source figures"), once the demo year is replayed
 *   ({@link Suite#demoReplayed()}, shared with {@link SaDecDemoIT});</li>
 *   <li>the live alert panel: a supervisor logs in at deadline-service through Keycloak's own login form (the
 *   authorization code flow, in the browser), comes back to the dashboard, and a dossier a kiosk posts past its due
 *   time shows up without a reload (intake-service → Kafka → deadline-service → SSE → page).</li>
 * </ul>
 * Screenshots: {@code e2e/target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {

    private static final String UNIT = "SADEC-P3";
    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        Browser.assumeChromedriver();
        suite = Suite.shared();
    }

    @Test
    void the_dashboard_shows_the_sa_dec_figures_of_the_first_half_of_2022() throws Exception {
        Suite.demoReplayed();
        String page = suite.stats.url("/?period=2022-H1&unit=SADEC");
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(page);
            // stats-service may still be taking in the replayed year: load the page again until it has all of it
            browser.await(d -> {
                if ("ready".equals(browser.awaitSettled()) && "2.264".equals(browser.text("headline-received"))) {
                    return true;
                }
                browser.get(page);
                return null;
            }, Duration.ofMinutes(3));
            assertThat(browser.text("headline-received")).isEqualTo("2.264");
            assertThat(browser.text("headline-onTimeOrEarly")).isEqualTo("2.114");
            assertThat(browser.text("headline-lateOrOverdue")).isEqualTo("150");
            assertThat(browser.text("headline-online")).isEqualTo("1.512");
            assertThat(browser.text("summary-text")).contains("93,37", "66,78");
            System.out.println("screenshot: " + browser.screenshot("e2e-2022-H1-SADEC-1366x768").toAbsolutePath());
        }
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.get(page);
            assertThat(browser.awaitSettled()).isEqualTo("ready");
            assertThat(browser.text("headline-received")).isEqualTo("2.264");
            System.out.println("screenshot: " + browser.screenshot("e2e-2022-H1-SADEC-390x844").toAbsolutePath());
        }
    }

    @Test
    void a_supervisor_logged_in_through_keycloak_sees_an_overdue_dossier_live() throws Exception {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            String dashboard = suite.stats.url("/?unit=" + UNIT);
            browser.get(dashboard);
            // no session at deadline-service yet: the panel offers its login
            browser.await(d -> "login".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            assertThat(browser.byTestId("alerts-login").getAttribute("href"))
                    .startsWith(suite.deadline.url("/api/alerts/login?returnTo="));
            browser.byTestId("alerts-login").click();

            // deadline-service sends the browser to Keycloak's own login form
            browser.await(d -> d.findElements(By.id("kc-login")).isEmpty() ? null : true);
            assertThat(browser.url()).startsWith(suite.keycloak.issuer() + "/protocol/openid-connect/auth");
            browser.driver.findElement(By.id("username")).sendKeys("supervisor-sadec");
            browser.driver.findElement(By.id("password")).sendKeys("supervisor-sadec");
            browser.driver.findElement(By.id("kc-login")).click();

            // back on the dashboard, with deadline-service's session cookie: the panel streams
            browser.await(d -> d.getCurrentUrl().startsWith(suite.stats.url("/")) ? true : null);
            assertThat(browser.url()).contains("unit=" + UNIT);
            browser.await(d -> "live".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            assertThat(browser.byTestId("alerts-login").isDisplayed()).isFalse();
            browser.js("window.__noReload = true");

            // received a month ago for a 3-working-day procedure: its due time has passed
            String code = UNIT + ".E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String receivedAt = OffsetDateTime.now(VietnamTime.ZONE).minusDays(30).truncatedTo(ChronoUnit.SECONDS)
                    .withHour(9).withMinute(0).toString();
            String json = """
                    {"procedureCode": "1.004873", "unitCode": "%s", "channel": "DIRECT", "receivedAt": "%s",
                     "dossierCode": "%s",
                     "applicant": {"name": "Nguyễn Văn A", "idNumber": "087000000001", "phone": "0900000001"}}
                    """.formatted(UNIT, receivedAt, code);
            Http.Answer slip = Http.post(suite.intake.url("/api/dossiers"), suite.tokens.kiosk(UNIT), json,
                    "e2e-" + code);
            assertThat(slip.status()).as("%s", slip.body()).isEqualTo(201);
            String created = slip.body().path("code").asText();
            assertThat(created).isNotBlank();

            browser.await((WebDriver d) -> d.findElements(By.cssSelector("[data-testid='alert-item'][data-dossier='"
                    + created + "'][data-type='deadline.overdue']")).isEmpty() ? null : true, Duration.ofMinutes(2));
            assertThat(browser.js("return window.__noReload")).as("no reload").isEqualTo(true);
            System.out.println("screenshot: " + browser.screenshot("e2e-live-alert-" + UNIT).toAbsolutePath());
        }
    }
}
