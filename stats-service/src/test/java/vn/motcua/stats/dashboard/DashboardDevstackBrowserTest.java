package vn.motcua.stats.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import vn.motcua.calendar.VietnamTime;

/**
 * The dashboard against the whole suite already running (devstack with its demo loaded), not against this test's
 * own Quarkus. Runs only when given the page's address:
 * <pre>
 * ./mvnw -pl stats-service test -Dtest=DashboardDevstackBrowserTest \
 *     -Dmotcua.dashboard.url=http://localhost:8083 -Dmotcua.intake.url=http://localhost:8081
 * </pre>
 * Checks the Sa Đéc figures of H1 2022 (docs/architecture.md, "Source figures") and, with {@code motcua.intake.url}, that a dossier past its due
 * time shows up in the live panel without a reload (intake-service → Kafka → deadline-service → SSE → page).
 */
@EnabledIfSystemProperty(named = "motcua.dashboard.url", matches = ".+")
class DashboardDevstackBrowserTest {

    private final String dashboard = System.getProperty("motcua.dashboard.url").replaceAll("/+$", "");

    @Test
    void showsTheSaDecFiguresOfTheFirstHalfOf2022() {
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(dashboard + "/?period=2022-H1&unit=SADEC");
            assertThat(browser.awaitSettled()).isEqualTo("ready");
            assertThat(browser.text("headline-received")).isEqualTo("2.264");
            assertThat(browser.text("headline-onTimeOrEarly")).isEqualTo("2.114");
            assertThat(browser.text("headline-lateOrOverdue")).isEqualTo("150");
            assertThat(browser.text("headline-online")).isEqualTo("1.512");
            assertThat(browser.text("summary-text")).contains("93,37", "66,78");
            System.out.println("screenshot: " + browser.screenshot("devstack-2022-H1-SADEC-1366x768").toAbsolutePath());
        }
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.get(dashboard + "/?period=2022-H1&unit=SADEC");
            assertThat(browser.awaitSettled()).isEqualTo("ready");
            assertThat(browser.text("headline-received")).isEqualTo("2.264");
            System.out.println("screenshot: " + browser.screenshot("devstack-2022-H1-SADEC-390x844").toAbsolutePath());
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "motcua.intake.url", matches = ".+")
    void aDossierPastItsDueTimeAppearsLive() throws Exception {
        String intake = System.getProperty("motcua.intake.url").replaceAll("/+$", "");
        try (Browser browser = Browser.open(Browser.LAPTOP)) {
            browser.get(dashboard + "/?unit=SADEC-P3");
            browser.await(d -> "live".equals(browser.byTestId("alerts-status").getAttribute("data-status")));
            browser.js("window.__noReload = true");

            // received a month ago for a 3-working-day procedure: its due time has passed
            String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String receivedAt = OffsetDateTime.now(VietnamTime.ZONE).minusDays(30).truncatedTo(ChronoUnit.SECONDS)
                    .withHour(9).withMinute(0).toString();
            String body = """
                    {"procedureCode":"1.004873","unitCode":"SADEC-P3","channel":"DIRECT","receivedAt":"%s",
                     "dossierCode":"%s","applicant":{"name":"Nguyễn Văn A","idNumber":"087000000001","phone":"0900000001"}}"""
                    .formatted(receivedAt, code);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(intake + "/api/dossiers"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", code)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            String created = response.body().replaceAll("(?s).*\"code\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            browser.await(d -> !d.findElements(By.cssSelector(
                    "[data-testid='alert-item'][data-dossier='" + created + "'][data-type='deadline.overdue']")).isEmpty(),
                    Duration.ofMinutes(2));
            assertThat(browser.js("return window.__noReload")).as("no reload").isEqualTo(true);
            System.out.println("screenshot: " + browser.screenshot("devstack-live-alert").toAbsolutePath());
        }
    }
}
