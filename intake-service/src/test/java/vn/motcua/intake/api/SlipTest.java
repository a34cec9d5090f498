package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Html;
import vn.motcua.intake.OnWednesday12January2022;
import vn.motcua.intake.QrImages;
import vn.motcua.intake.Rows;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TestTokens;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointment slip (form 01) to print, {@code GET /api/dossiers/{code}/slip}, with real signed tokens: what it
 * prints, its QR code read back with ZXing, and what each caller who may read the dossier gets on it (who may is
 * {@code AccessMatrixTest}'s). Same resources as {@code AccessMatrixTest}, so both run on one started service. The
 * clock stands at Wed 12/1/2022 10:00; a dossier of procedure 1.004873 received Mon 10/1 09:00 is due Thu 13/1.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(OidcWiremockTestResource.class)
class SlipTest extends OnWednesday12January2022 {

    private static final String CLERK_P1 = TestTokens.user("clerk-p1", "clerk", "SADEC-P1");

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "motcua.citizens.page-url")
    String statusPageUrl;

    @Test
    void aClerkPrintsTheFormWithTheApplicantAndTheReadIsRecorded() {
        Map<String, Object> dossier = receive(CLERK_P1);
        String code = (String) dossier.get("code");
        long readsBefore = reads(code);

        Response slip = slip(CLERK_P1, code);

        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.contentType()).isEqualTo("text/html;charset=UTF-8");
        String html = slip.asString();
        assertThat(html).contains("<html lang=\"vi\">", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "@page",
                "size: A4", "Thành phần hồ sơ nộp gồm", "hệ thống chưa lưu danh mục giấy tờ",
                "3 ngày làm việc", "Hình thức nộp hồ sơ: Trực tiếp", "ngày 10 tháng 01 năm 2022");
        assertThat(Html.text(html, "slip-unit")).isEqualTo("UBND Phường 1");
        assertThat(Html.text(html, "slip-dossier-code")).isEqualTo(code);
        assertThat(Html.text(html, "slip-procedure")).isEqualTo("Cấp Giấy xác nhận tình trạng hôn nhân");
        assertThat(Html.text(html, "slip-applicant")).isEqualTo("Nguyễn Thị Bích");
        assertThat(Html.text(html, "slip-phone")).isEqualTo("0912345678");
        assertThat(html).as("form 01 does not ask for the ID number").doesNotContain("087190001234");
        assertThat(Html.text(html, "slip-received")).isEqualTo("09 giờ 00 phút, ngày 10/01/2022");
        assertThat(Html.text(html, "slip-due")).isEqualTo("17 giờ 00 phút, ngày 13/01/2022");
        assertThat(Html.text(html, "slip-lookup-code")).isEqualTo(dossier.get("lookupCode"));
        assertThat(Html.text(html, "slip-link")).isEqualTo(statusPageUrl + "?ma=" + dossier.get("lookupCode"));
        assertThat(reads(code)).as("an applicant read, recorded as GET /api/dossiers/{code} records it")
                .isEqualTo(readsBefore + 1);
    }

    @Test
    void theQrCodeReadsBackAsTheStatusPageLinkOfTheDossier() {
        Map<String, Object> dossier = receive(CLERK_P1);

        String html = slip(CLERK_P1, (String) dossier.get("code")).then().statusCode(200).extract().asString();

        assertThat(QrImages.fromSvg(html)).isEqualTo(statusPageUrl + "?ma=" + dossier.get("lookupCode"));
        assertThat(statusPageUrl).isEqualTo("http://localhost:8081/tra-cuu");
    }

    /** A kiosk prints the slip right after the POST, by the link the answer carries; its own dossiers only. */
    @Test
    void theReceiptLinksToTheSlipWhichTheKioskPrintsWithBlankApplicantLines() {
        String kiosk = TestTokens.kiosk("SADEC-P1");
        Response receipt = RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + kiosk)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Dossiers.direct("1.004873", "SADEC-P1", "2022-01-10T09:00:00+07:00")).post("/api/dossiers");
        assertThat(receipt.statusCode()).isEqualTo(201);
        String code = receipt.path("code");
        String location = receipt.header("Location");
        assertThat(receipt.header("Link")).isEqualTo("<" + location + "/slip>; rel=\"slip\"");
        long readsBefore = reads(code);

        Response slip = RestAssured.given().header("Authorization", "Bearer " + kiosk).get(location + "/slip");

        assertThat(slip.statusCode()).isEqualTo(200);
        String html = slip.asString();
        assertThat(Html.text(html, "slip-dossier-code")).isEqualTo(code);
        assertThat(Html.text(html, "slip-due")).isEqualTo("17 giờ 00 phút, ngày 13/01/2022");
        assertThat(Html.text(html, "slip-applicant")).isNull();
        assertThat(html).doesNotContain("Nguyễn Thị Bích", "0912345678", "087190001234");
        assertThat(reads(code)).isEqualTo(readsBefore);
    }

    @Test
    void aSupervisorPrintsItWithoutTheApplicantAndNothingIsRecorded() {
        String code = (String) receive(CLERK_P1).get("code");

        String html = slip(TestTokens.user("supervisor-sadec", "supervisor", "SADEC"), code).then().statusCode(200)
                .extract().asString();

        assertThat(Html.text(html, "slip-applicant")).isNull();
        assertThat(html).doesNotContain("Nguyễn Thị Bích", "0912345678");
        assertThat(reads(code)).isZero();
    }

    private static Map<String, Object> receive(String token) {
        Response answer = RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Dossiers.direct("1.004873", "SADEC-P1", "2022-01-10T09:00:00+07:00")).post("/api/dossiers");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        return answer.as(Map.class);
    }

    private static Response slip(String token, String code) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get("/api/dossiers/{code}/slip", code);
    }

    private long reads(String code) {
        return Rows.number(dataSource, "SELECT count(*) FROM applicant_read WHERE dossier_code = ?", code);
    }
}
