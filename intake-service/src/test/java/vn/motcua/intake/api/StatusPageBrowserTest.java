package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.OnWednesday12January2022;
import vn.motcua.intake.QrImages;
import vn.motcua.testkit.Browser;
import vn.motcua.testkit.InfrastructureResource;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in headless Chromium on a small phone (360 × 740), with a dossier received through the real API,
 * reached by the keyboard alone; and the printed slip, whose QR code is read back from the rendered page. The
 * screenshots stay in target/citizen-screenshots/ (README's are copies). The clock stands at Wed 12/1/2022 10:00.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class StatusPageBrowserTest extends OnWednesday12January2022 {

    private static final Dimension SMALL_PHONE = new Dimension(360, 740);
    private static final String SCREENSHOTS = "citizen-screenshots";
    /** The paper size (MediaBox, in points) of each page of Chromium's PDF. */
    private static final Pattern PDF_PAGE = Pattern.compile("/MediaBox\\s*\\[0 0 ([0-9.]+) ([0-9.]+)\\]");

    @TestHTTPResource("/tra-cuu")
    URL statusPage;

    @ConfigProperty(name = "motcua.citizens.page-url")
    String statusPageUrl;

    @Test
    void aCitizenTypesTheCodeAndSeesTheStatusAndTheDueDate() {
        Map<String, Object> slip = Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", "2022-01-10T09:00:00+07:00"))
                .statusCode(201).extract().as(Map.class);

        try (Browser browser = Browser.open(SMALL_PHONE)) {
            browser.get(statusPage.toString());
            assertThat(browser.js("return document.documentElement.lang")).isEqualTo("vi");
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("the first stop").isEqualTo("ma");
            assertThat(browser.js("return document.querySelector('label[for=ma]').textContent")).isEqualTo("Mã tra cứu");
            new Actions(browser.driver).sendKeys(((String) slip.get("lookupCode")).toLowerCase(), Keys.ENTER).perform();
            browser.await(d -> !browser.allByTestId("result").isEmpty());

            assertThat(browser.url()).contains("?ma=");
            assertThat(browser.text("status")).isEqualTo("Đã tiếp nhận");
            assertThat(browser.text("due")).isEqualTo("13/01/2022");
            assertThat(browser.text("received")).isEqualTo("10/01/2022");
            assertThat(browser.text("procedure")).isEqualTo("Cấp Giấy xác nhận tình trạng hôn nhân");
            assertThat(browser.text("unit")).isEqualTo("UBND Phường 1");
            assertFitsAndHidesPersonalData(browser, slip);
            System.out.println("screenshot: " + browser.screenshot(SCREENSHOTS, "tra-cuu-360x740").toAbsolutePath());
        }
    }

    @Test
    void aWrongCodeSaysNoDossierWasFound() {
        Map<String, Object> slip = Dossiers.post(Dossiers.direct("1.004873", "SADEC-P2", "2022-01-10T09:00:00+07:00"))
                .statusCode(201).extract().as(Map.class);

        try (Browser browser = Browser.open(SMALL_PHONE)) {
            browser.get(statusPage + "?ma=ZZZZ9999");

            assertThat(browser.text("not-found")).startsWith("Không tìm thấy hồ sơ");
            assertThat(browser.allByTestId("result")).isEmpty();
            assertThat(browser.byTestId("lookup-code").getAttribute("value")).isEqualTo("ZZZZ9999");
            assertFitsAndHidesPersonalData(browser, slip);
            System.out.println("screenshot: " + browser.screenshot(SCREENSHOTS, "tra-cuu-not-found-360x740")
                    .toAbsolutePath());
        }
    }

    /**
     * The slip as a browser draws it (the page is self-contained, so a copy on disk renders the same as the staff
     * endpoint's answer): its QR code, photographed from the screen, reads back as the dossier's status page link, and
     * Chromium prints it on one A4 page, or one A5 page.
     */
    @Test
    void theSlipsQrCodeOnScreenReadsBackAsTheStatusPageLink() throws IOException {
        Map<String, Object> slip = Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", "2022-01-10T09:00:00+07:00"))
                .statusCode(201).extract().as(Map.class);
        String html = RestAssured.get("/api/dossiers/{code}/slip", slip.get("code")).then().statusCode(200)
                .extract().asString();

        try (Browser browser = Browser.open(new Dimension(840, 1000))) {
            browser.get(copy(html, "slip").toUri().toString());
            byte[] qr = browser.byTestId("slip-qr").getScreenshotAs(OutputType.BYTES);

            assertThat(QrImages.fromPng(qr)).isEqualTo(statusPageUrl + "?ma=" + slip.get("lookupCode"));
            System.out.println("screenshot: " + browser.screenshot(SCREENSHOTS, "slip").toAbsolutePath());
            assertThat(printedPages(browser, html, "A4")).containsExactly("210 × 297 mm");
            assertThat(printedPages(browser, html, "A5")).containsExactly("148 × 210 mm");
            assertThat(printedPages(browser, html, "100mm 100mm")).as("more pages are seen when there are")
                    .hasSizeGreaterThan(1);
        }
    }

    private static Path copy(String html, String name) throws IOException {
        Path copy = Path.of("target", SCREENSHOTS, name + ".html").toAbsolutePath();
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, html, StandardCharsets.UTF_8);
        return copy;
    }

    /**
     * The slip as Chromium prints it to PDF on paper of the CSS {@code @page} size {@code pageSize} in place of its
     * own A4 (with shrinkToFit off, Chromium takes the paper from the page's CSS), kept as
     * target/citizen-screenshots/slip-&lt;size&gt;.html and .pdf: each page's size in whole millimetres.
     */
    private static List<String> printedPages(Browser browser, String html, String pageSize) throws IOException {
        assertThat(html).contains("size: A4;");
        String name = "slip-" + pageSize.replace(' ', '-');
        browser.get(copy(html.replace("size: A4;", "size: " + pageSize + ";"), name).toUri().toString());
        PrintOptions options = new PrintOptions();
        options.setShrinkToFit(false);
        byte[] pdf = Base64.getDecoder().decode(browser.driver.print(options).getContent());
        Files.write(Path.of("target", SCREENSHOTS, name + ".pdf"), pdf);
        return PDF_PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results()
                .map(page -> millimetres(page.group(1)) + " × " + millimetres(page.group(2)) + " mm").toList();
    }

    private static long millimetres(String points) {
        return Math.round(Double.parseDouble(points) * 25.4 / 72);
    }

    /** Nothing wider than the phone, and neither the applicant nor the dossier code anywhere in the page. */
    private static void assertFitsAndHidesPersonalData(Browser browser, Map<String, Object> slip) {
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        String source = browser.driver.getPageSource();
        Map<String, Object> applicant = Dossiers.applicant();
        assertThat(source).doesNotContain((String) applicant.get("name"), (String) applicant.get("idNumber"),
                (String) applicant.get("phone"), (String) slip.get("code"));
    }
}
