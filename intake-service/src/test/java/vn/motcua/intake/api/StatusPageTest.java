package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Html;
import vn.motcua.intake.OnWednesday12January2022;
import vn.motcua.testkit.InfrastructureResource;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizens' status page, {@code /tra-cuu?ma=}, as served: each status in Vietnamese with its dates as
 * dd/MM/yyyy, and never the dossier code or the applicant. The clock stands at Wed 12/1/2022 10:00; procedure
 * 1.004873 takes three working days, so a dossier received Mon 10/1 09:00 is due Thu 13/1, one received Tue 4/1
 * was due Fri 7/1 and is overdue.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class StatusPageTest extends OnWednesday12January2022 {

    private static final String THREE_DAYS = "1.004873";
    /** A client address of its own per lookup: the limit per address has its own test. */
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Test
    void aReceivedDossierShowsItsProcedureUnitDatesAndStatus() {
        Map<String, Object> slip = receive("SADEC-P1", "2022-01-10T09:00:00+07:00");

        Response page = page((String) slip.get("lookupCode"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String html = page.asString();
        assertThat(html).contains("<html lang=\"vi\">", "<label for=\"ma\">").doesNotContain("<script");
        assertThat(Html.text(html, "status")).isEqualTo("Đã tiếp nhận");
        assertThat(Html.text(html, "procedure")).isEqualTo("Cấp Giấy xác nhận tình trạng hôn nhân");
        assertThat(Html.text(html, "unit")).isEqualTo("UBND Phường 1");
        assertThat(Html.text(html, "received")).isEqualTo("10/01/2022");
        assertThat(Html.text(html, "due")).isEqualTo("13/01/2022");
        assertThat(Html.text(html, "overdue")).isNull();
        assertThat(Html.text(html, "due-provisional")).isNull();
        assertNoPersonalData(html, slip);
    }

    @Test
    void aPausedDossierSaysWhatIsAskedForAndThatTheClockStopped() {
        Map<String, Object> slip = receive("SADEC-P2", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code(slip), "supplement-requests", Map.of("requestedAt", "2022-01-11T10:00:00+07:00",
                "reason", "Thiếu bản sao giấy khai sinh")).statusCode(200);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "status")).isEqualTo("Chờ bổ sung hồ sơ");
        assertThat(Html.text(html, "supplement")).contains("Cần bổ sung: Thiếu bản sao giấy khai sinh",
                "Thời hạn giải quyết tạm dừng");
        assertThat(Html.text(html, "overdue")).isNull();
        assertNoPersonalData(html, slip);
    }

    /** Asked after the due time, the clock does not stop: waiting and overdue, and staff's remark stays with staff. */
    @Test
    void aSupplementAskedAfterTheDueTimeLeavesTheDossierOverdue() {
        Map<String, Object> slip = receive("SADEC-P3", "2022-01-04T09:00:00+07:00");
        Dossiers.step(code(slip), "supplement-requests", Map.of("requestedAt", "2022-01-10T10:00:00+07:00",
                "reason", "Thiếu ảnh 4x6")).statusCode(200);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "status")).isEqualTo("Chờ bổ sung hồ sơ");
        assertThat(Html.text(html, "overdue")).isEqualTo("Quá hạn");
        assertThat(Html.text(html, "supplement")).isEqualTo("Cần bổ sung: Thiếu ảnh 4x6");
        assertThat(html).doesNotContain("clock");
    }

    @Test
    void anOverdueDossierSaysSoAndThatAnApologyWillCome() {
        Map<String, Object> slip = receive("SADEC-P4", "2022-01-04T09:00:00+07:00");

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "status")).isEqualTo("Đã tiếp nhận");
        assertThat(Html.text(html, "overdue")).isEqualTo("Quá hạn");
        assertThat(Html.text(html, "due")).isEqualTo("07/01/2022");
        assertThat(Html.text(html, "overdue-notice")).contains("quá ngày hẹn trả kết quả", "văn bản xin lỗi");
        assertThat(Html.text(html, "apology")).isNull();
    }

    @Test
    void anOverdueDossierWithAnApologyShowsItAndTheNewAppointment() {
        Map<String, Object> slip = receive("SADEC-AH", "2022-01-04T09:00:00+07:00");
        Dossiers.step(code(slip), "apologies", Map.of("issuedAt", "2022-01-06T15:00:00+07:00",
                "newAppointmentAt", "2022-01-14T17:00:00+07:00", "reason", "Cần xác minh thêm")).statusCode(200);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "overdue")).isEqualTo("Quá hạn");
        assertThat(Html.text(html, "apology")).contains("xin lỗi", "Lý do: Cần xác minh thêm",
                "Ngày hẹn trả kết quả mới: 14/01/2022");
        assertThat(Html.text(html, "new-appointment")).isEqualTo("14/01/2022");
        assertThat(Html.text(html, "overdue-notice")).doesNotContain("sẽ gửi văn bản xin lỗi");
    }

    @Test
    void aResolvedDossierSaysHowTheResultIsDelivered() {
        Map<String, Object> slip = receive("SADEC-TQD", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code(slip), "result", Map.of("resolvedAt", "2022-01-11T15:00:00+07:00", "decision", "APPROVED",
                "resultDelivery", "POSTAL")).statusCode(200);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "status")).isEqualTo("Đã có kết quả");
        assertThat(Html.text(html, "resolved")).isEqualTo("11/01/2022");
        assertThat(Html.text(html, "delivery")).isEqualTo("Gửi qua dịch vụ bưu chính công ích.");
        assertThat(Html.text(html, "outcome")).contains("Hồ sơ đã được giải quyết.");
        assertThat(Html.text(html, "overdue")).isNull();
        assertNoPersonalData(html, slip);
    }

    /** Resolved late: no longer overdue, and the apology is history. */
    @Test
    void aRefusalDeliveredOnPaperAfterAnApologyIsNoLongerOverdue() {
        Map<String, Object> slip = receive("SADEC-TKD", "2022-01-04T09:00:00+07:00");
        Dossiers.step(code(slip), "apologies", Map.of("issuedAt", "2022-01-06T15:00:00+07:00",
                "newAppointmentAt", "2022-01-10T17:00:00+07:00", "reason", "Cần xác minh")).statusCode(200);
        Dossiers.step(code(slip), "result", Map.of("resolvedAt", "2022-01-10T16:00:00+07:00", "decision", "REFUSED",
                "resultDelivery", "PAPER")).statusCode(200);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "status")).isEqualTo("Đã có kết quả");
        assertThat(Html.text(html, "outcome")).contains("không được giải quyết", "lý do");
        assertThat(Html.text(html, "delivery")).isEqualTo("Bản giấy, nhận tại Bộ phận Một cửa nơi nộp hồ sơ.");
        assertThat(Html.text(html, "overdue")).isNull();
        assertThat(Html.text(html, "apology")).isNull();
    }

    @Test
    void aWithdrawnDossierSaysSoWithTheDate() {
        Map<String, Object> slip = receive("SADEC-TQT", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code(slip), "withdrawal", Map.of("withdrawnAt", "2022-01-11T08:00:00+07:00")).statusCode(200);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "status")).isEqualTo("Đã rút hồ sơ");
        assertThat(Html.text(html, "withdrawn")).isEqualTo("11/01/2022");
        assertThat(Html.text(html, "overdue")).isNull();
    }

    /** Counted across 2029, a year without an official schedule (no other test enters one). */
    @Test
    void aProvisionalDueDateSaysItMayMove() {
        clock.set(OffsetDateTime.parse("2029-03-05T10:00:00+07:00").toInstant());
        Map<String, Object> slip = receive("SADEC-TPD", "2029-03-05T09:00:00+07:00");
        assertThat(slip.get("dueDateProvisional")).isEqualTo(true);

        String html = page((String) slip.get("lookupCode")).then().statusCode(200).extract().asString();

        assertThat(Html.text(html, "due")).isEqualTo("08/03/2029 (tạm tính)");
        assertThat(Html.text(html, "provisional-note")).contains("có thể thay đổi");
    }

    @Test
    void theCodeMayBeTypedInLowerCaseWithSpacesOrADash() {
        Map<String, Object> slip = receive("SADEC", "2022-01-10T09:00:00+07:00");
        String code = ((String) slip.get("lookupCode")).toLowerCase();

        page(" " + code.substring(0, 4) + "-" + code.substring(4) + " ").then().statusCode(200);
        page(code.substring(0, 4) + " " + code.substring(4)).then().statusCode(200);
    }

    @Test
    void withoutACodeItIsTheFormAlone() {
        for (Response form : new Response[]{RestAssured.get("/tra-cuu"), page(""), page("   ")}) {
            assertThat(form.statusCode()).isEqualTo(200);
            String html = form.asString();
            assertThat(html).contains("<form", "<label for=\"ma\">Mã tra cứu</label>", "name=\"ma\"");
            assertThat(Html.text(html, "result")).isNull();
            assertThat(Html.text(html, "not-found")).isNull();
        }
    }

    /**
     * A code nobody holds, a malformed one, an over-long one and markup all answer the same page, apart from what was
     * typed (escaped), so the page tells nothing about codes that exist or look alike.
     */
    @Test
    void anyCodeThatFindsNoDossierAnswersTheSameNotFoundPage() {
        String unknown = page("ZZZZ9999").then().statusCode(404).contentType("text/html;charset=UTF-8")
                .extract().asString();
        assertThat(Html.text(unknown, "not-found")).startsWith("Không tìm thấy hồ sơ");
        assertThat(Html.text(unknown, "result")).isNull();

        for (String typed : new String[]{"O0O0I1L1", "ABC", "ZZZZ99999", "x".repeat(1000), "%", "'\" OR 1=1 --",
                "<script>alert(1)</script>"}) {
            Response answer = page(typed);
            assertThat(answer.statusCode()).as(typed).isEqualTo(404);
            String html = answer.asString();
            assertThat(html).as(typed).doesNotContain("<script>");
            String echoed = typed.length() > 64 ? typed.substring(0, 64) : typed;
            assertThat(html.replace("value=\"" + escaped(echoed) + "\"", "value=\"ZZZZ9999\"")).as(typed)
                    .isEqualTo(unknown);
        }
    }

    /**
     * The limit per address of the JSON lookup (burst 10) holds for the page too, from one bucket: the 11th lookup is
     * 429 with Retry-After, and a page saying when to try again; the form alone takes nothing.
     */
    @Test
    void tooManyLookupsFromOneAddressAnswerWhenToTryAgain() {
        String address = "10.77.0.1";
        for (int i = 0; i < 5; i++) {
            RestAssured.given().header("X-Forwarded-For", address).get("/tra-cuu").then().statusCode(200);
            RestAssured.given().header("X-Forwarded-For", address).queryParam("ma", "ZZZZ9999").get("/tra-cuu")
                    .then().statusCode(404);
        }
        for (int i = 0; i < 5; i++) {
            RestAssured.given().header("X-Forwarded-For", address).get("/api/dossiers/lookup/ZZZZ9999")
                    .then().statusCode(404);
        }

        Response limited = RestAssured.given().header("X-Forwarded-For", address).queryParam("ma", "ZZZZ9999")
                .get("/tra-cuu");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).isEqualTo("text/html;charset=UTF-8");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isPositive();
        String html = limited.asString();
        assertThat(Html.text(html, "rate-limited")).contains("Bạn đã tra cứu quá nhiều lần",
                "Vui lòng thử lại sau " + retryAfter + " giây");
        assertThat(Html.text(html, "not-found")).isNull();
        RestAssured.given().header("X-Forwarded-For", address).get("/api/dossiers/lookup/ZZZZ9999")
                .then().statusCode(429).contentType("application/problem+json");
        RestAssured.given().header("X-Forwarded-For", address).get("/tra-cuu").then().statusCode(200);
    }

    private static void assertNoPersonalData(String html, Map<String, Object> slip) {
        Map<String, Object> applicant = Dossiers.applicant();
        assertThat(html).doesNotContain((String) applicant.get("name"), (String) applicant.get("idNumber"),
                (String) applicant.get("phone"), code(slip));
    }

    private static Map<String, Object> receive(String unit, String receivedAt) {
        return Dossiers.post(Dossiers.direct(THREE_DAYS, unit, receivedAt)).statusCode(201).extract().as(Map.class);
    }

    private static String code(Map<String, Object> slip) {
        return (String) slip.get("code");
    }

    private static Response page(String typed) {
        return RestAssured.given().header("X-Forwarded-For", "10.76.0." + ADDRESS.incrementAndGet() % 250)
                .queryParam("ma", typed).get("/tra-cuu");
    }

    /** As Qute escapes a value in HTML. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
