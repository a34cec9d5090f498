package vn.motcua.intake.access;

import vn.motcua.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.intake.Rows;
import vn.motcua.testkit.InfrastructureResource;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what (docs/contracts.md, "Who may do what"): every endpoint of intake-service × every kind of caller, with real
 * signed tokens checked against the JWKS of a WireMock issuer. The table below is the matrix; each cell is the
 * status the call must answer. Every 401 and 403 is problem+json, and a refused call leaves the database as it was.
 * <p>
 * Callers: a kiosk of SADEC-P1, one of SADEC-P2 and one of SADEC (a kiosk posts for its own unit only, not those
 * under it); clerks of SADEC-P1, of SADEC (the city, above SADEC-P1) and of
 * SADEC-P2; a supervisor of SADEC-P1; an admin; and five tokens to refuse (expired, forged signature, another
 * issuer, and an admin's not meant for the suite: another audience, or a client no service takes). Every dossier in
 * the table is of SADEC-P1, received by the kiosk of SADEC-P1, except two:
 * {@code {moved}} was received by an admin for a unit under SADEC-P1 that then closed into SADEC-P2 (its staff and
 * SADEC-P1's keep reading it, only SADEC-P2's act), and {@code {counter}} was received by the kiosk of SADEC-P1 for
 * SADEC-P2 ({@code receivedAtUnit}: the counter's staff read it, the handling unit's act).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
@WithTestResource(OidcWiremockTestResource.class)
class AccessMatrixTest {

    static final String MATRIX = """
            endpoint                                         none kiosk kioskP2 cityKiosk clerk cityClerk clerkP2 supervisor admin expired forged foreign otherAudience otherClient
            POST   /api/dossiers                             401  201   403     403       201   201       403     403        201   401     401    401   401           401
            GET    /api/dossiers/{code}                      401  200   404     404       200   200       403     200        200   401     401    401   401           401
            GET    /api/dossiers/lookup/{lookup}             200  200   200     200       200   200       200     200        200   401     401    401   401           401
            GET    /api/dossiers/{code}/slip                 401  200   404     404       200   200       403     200        200   401     401    401   401           401
            GET    /tra-cuu?ma={lookup}                      200  200   200     200       200   200       200     200        200   401     401    401   401           401
            POST   /api/dossiers/{code}/supplement-requests  401  403   403     403       200   200       403     403        200   401     401    401   401           401
            POST   /api/dossiers/{paused}/supplement-received  401  403   403     403       200   200       403     403        200   401     401    401   401           401
            POST   /api/dossiers/{code}/apologies            401  403   403     403       200   200       403     403        200   401     401    401   401           401
            POST   /api/dossiers/{code}/result               401  403   403     403       200   200       403     403        200   401     401    401   401           401
            POST   /api/dossiers/{code}/withdrawal           401  403   403     403       200   200       403     403        200   401     401    401   401           401
            POST   /api/dossiers/{code}/erasure              401  403   403     403       403   403       403     403        200   401     401    401   401           401
            POST   /api/dossiers/SADEC-P1.NONE/erasure       401  403   403     403       403   403       403     403        404   401     401    401   401           401
            GET    /api/dossiers/{moved}                     401  404   404     404       200   200       200     200        200   401     401    401   401           401
            GET    /api/dossiers/{moved}/slip                401  404   404     404       200   200       200     200        200   401     401    401   401           401
            POST   /api/dossiers/{moved}/result              401  403   403     403       403   200       200     403        200   401     401    401   401           401
            GET    /api/dossiers/{counter}                   401  200   404     404       200   200       200     200        200   401     401    401   401           401
            GET    /api/dossiers/{counter}/slip              401  200   404     404       200   200       200     200        200   401     401    401   401           401
            POST   /api/dossiers/{counter}/result            401  403   403     403       403   200       200     403        200   401     401    401   401           401
            GET    /api/procedures                           200  200   200     200       200   200       200     200        200   401     401    401   401           401
            GET    /api/procedures/1.004873                  200  200   200     200       200   200       200     200        200   401     401    401   401           401
            PUT    /api/procedures/9.000777                  401  403   403     403       403   403       403     403        200   401     401    401   401           401
            GET    /api/units                                200  200   200     200       200   200       200     200        200   401     401    401   401           401
            GET    /api/units/SADEC-P1                       200  200   200     200       200   200       200     200        200   401     401    401   401           401
            PUT    /api/units/MATRIX-UNIT                    401  403   403     403       403   403       403     403        200   401     401    401   401           401
            GET    /api/calendar/2022                        200  200   200     200       200   200       200     200        200   401     401    401   401           401
            PUT    /api/calendar/2099                        401  403   403     403       403   403       403     403        200   401     401    401   401           401
            GET    /api/calendar/days-off                    200  200   200     200       200   200       200     200        200   401     401    401   401           401
            GET    /api/calendar/days-off/{dayOff}           200  200   200     200       200   200       200     200        200   401     401    401   401           401
            POST   /api/calendar/days-off                    401  403   403     403       403   403       403     403        201   401     401    401   401           401
            DELETE /api/calendar/days-off/{dayOff}           401  403   403     403       403   403       403     403        204   401     401    401   401           401
            """;

    static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("none", () -> null);
        CALLERS.put("kiosk", () -> TestTokens.kiosk("SADEC-P1"));
        CALLERS.put("kioskP2", () -> TestTokens.kiosk("SADEC-P2"));
        CALLERS.put("cityKiosk", () -> TestTokens.kiosk("SADEC"));
        CALLERS.put("clerk", () -> TestTokens.user("clerk-p1", "clerk", "SADEC-P1"));
        CALLERS.put("cityClerk", () -> TestTokens.user("clerk-sadec", "clerk", "SADEC"));
        CALLERS.put("clerkP2", () -> TestTokens.user("clerk-p2", "clerk", "SADEC-P2"));
        CALLERS.put("supervisor", () -> TestTokens.user("supervisor-p1", "supervisor", "SADEC-P1"));
        CALLERS.put("admin", () -> TestTokens.user("admin-1", "admin"));
        CALLERS.put("expired", TestTokens::expired);
        CALLERS.put("forged", TestTokens::forged);
        CALLERS.put("foreign", TestTokens::foreignIssuer);
        CALLERS.put("otherAudience", TestTokens::otherAudience);
        CALLERS.put("otherClient", TestTokens::otherClient);
    }

    /** One client address per call: the lookup's limit per address is not what this test is about. */
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Inject
    DataSource dataSource;

    record Cell(String method, String path, String caller, int expected) {
        @Override
        public String toString() {
            return method + " " + path + " by " + caller + " → " + expected;
        }
    }

    static Stream<Cell> cells() {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> callers = List.of(lines.get(0).trim().split("\\s+")).subList(1, CALLERS.size() + 1);
        assertThat(callers).containsExactlyElementsOf(CALLERS.keySet());
        List<Cell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.trim().split("\\s+");
            for (int i = 0; i < callers.size(); i++) {
                cells.add(new Cell(parts[0], parts[1], callers.get(i), Integer.parseInt(parts[i + 2])));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void answersAsTheMatrixSays(Cell cell) {
        String path = withFixtures(cell.path());
        long before = writes();

        Response answer = call(cell.method(), path, CALLERS.get(cell.caller()).get());

        assertThat(answer.statusCode()).as("%s (body %s)", cell, answer.asString()).isEqualTo(cell.expected());
        if (cell.expected() >= 400) {
            assertThat(answer.contentType()).as(cell.toString()).startsWith("application/problem+json");
            assertThat(answer.jsonPath().getInt("status")).isEqualTo(cell.expected());
            assertThat(writes()).as("%s wrote nothing", cell).isEqualTo(before);
        }
        if (cell.expected() == 401) {
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    /** Every write of intake leaves a row in one of these: a dossier, a step, an event, a read, a day off, an erasure. */
    private long writes() {
        return Rows.number(dataSource, """
                SELECT (SELECT count(*) FROM dossier) + (SELECT count(*) FROM dossier_step)
                     + (SELECT count(*) FROM outbox_event) + (SELECT count(*) FROM applicant_read)
                     + (SELECT count(*) FROM local_day_off) + (SELECT count(*) FROM applicant_erasure)""");
    }

    private static Response call(String method, String path, String token) {
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10.14.0." + ADDRESS.incrementAndGet() % 250);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path.equals("/api/dossiers")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        Object body = bodyOf(method, path);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    private static Object bodyOf(String method, String path) {
        if (path.equals("/api/dossiers")) {
            Map<String, Object> dossier = new HashMap<>(dossierBody());
            dossier.put("dossierCode", "SADEC-P1.MATRIX-" + UUID.randomUUID().toString().substring(0, 8));
            return dossier;
        }
        if (path.endsWith("/supplement-requests")) {
            return Map.of("reason", "Thiếu bản sao giấy khai sinh");
        }
        if (path.endsWith("/apologies")) {
            return Map.of("newAppointmentAt", OffsetDateTime.now().plusDays(90).toString(), "reason", "Cần xác minh");
        }
        if (path.endsWith("/result")) {
            return Map.of("decision", "APPROVED");
        }
        if (path.startsWith("/api/procedures/")) {
            return Map.of("name", "Thủ tục của bảng quyền", "field", "Thử nghiệm",
                    "processingTime", Map.of("amount", 5, "unit", "WORKING_DAYS"));
        }
        if (path.startsWith("/api/units/")) {
            return Map.of("name", "Đơn vị của bảng quyền", "parentCode", "SADEC");
        }
        if (path.startsWith("/api/calendar/2099")) {
            return Map.of("closedDays", List.of(Map.of("date", "2099-01-02", "name", "Nghỉ bù")));
        }
        if (method.equals("POST") && path.equals("/api/calendar/days-off")) {
            return Map.of("from", "2099-03-02", "reason", "Bảng quyền");
        }
        return method.equals("POST") ? Map.of() : null;
    }

    /**
     * A dossier of a unit of its own under SADEC-P1, received by an admin; then the unit closes today into SADEC-P2,
     * which moves the dossier before the PUT answers.
     */
    private static String movedDossier() {
        String admin = "Bearer " + TestTokens.user("admin-1", "admin");
        String unit = "MATRIX-OLD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("name", "Đơn vị sẽ giải thể", "parentCode", "SADEC-P1")).put("/api/units/" + unit)
                .then().statusCode(200);
        Map<String, Object> body = new HashMap<>(dossierBody());
        body.put("unitCode", unit);
        body.put("receivedAt", OffsetDateTime.now().minusHours(1).toString());
        String code = RestAssured.given().contentType(ContentType.JSON).header("Authorization", admin).body(body)
                .post("/api/dossiers").then().statusCode(201).extract().path("code");
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("closed", true, "successorCode", "SADEC-P2")).put("/api/units/" + unit)
                .then().statusCode(200);
        RestAssured.given().header("Authorization", admin).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("unitCode", org.hamcrest.Matchers.equalTo("SADEC-P2"));
        return code;
    }

    private static Map<String, Object> dossierBody() {
        return Map.of("procedureCode", "1.004873", "unitCode", "SADEC-P1", "channel", "DIRECT",
                "applicant", Map.of("name", "Nguyễn Thị Bích", "idNumber", "087190001234", "phone", "0912345678"));
    }

    /** A fresh dossier (or day off) for each cell, so an allowed step always finds a state that allows it. */
    private static String withFixtures(String path) {
        if (path.contains("{moved}")) {
            return path.replace("{moved}", movedDossier());
        }
        if (path.contains("{counter}")) {
            Map<String, Object> body = new HashMap<>(dossierBody());
            body.put("unitCode", "SADEC-P2");
            body.put("receivedAtUnit", "SADEC-P1");
            Response slip = RestAssured.given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + TestTokens.kiosk("SADEC-P1"))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/dossiers");
            assertThat(slip.statusCode()).as(slip.asString()).isEqualTo(201);
            return path.replace("{counter}", slip.<String>path("code"));
        }
        if (path.contains("{code}") || path.contains("{lookup}") || path.contains("{paused}")) {
            Response slip = RestAssured.given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + TestTokens.kiosk("SADEC-P1"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(dossierBody()).post("/api/dossiers");
            assertThat(slip.statusCode()).as(slip.asString()).isEqualTo(201);
            String code = slip.path("code");
            if (path.contains("{paused}")) {
                RestAssured.given().contentType(ContentType.JSON)
                        .header("Authorization", "Bearer " + TestTokens.user("admin-1", "admin"))
                        .body(Map.of("reason", "Thiếu giấy tờ"))
                        .post("/api/dossiers/{code}/supplement-requests", code).then().statusCode(200);
            }
            return path.replace("{code}", code).replace("{paused}", code)
                    .replace("{lookup}", slip.<String>path("lookupCode"));
        }
        if (path.contains("{dayOff}")) {
            int id = RestAssured.given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + TestTokens.user("admin-1", "admin"))
                    .body(Map.of("from", "2099-04-06", "reason", "Bảng quyền")).post("/api/calendar/days-off")
                    .then().statusCode(201).extract().path("id");
            return path.replace("{dayOff}", Integer.toString(id));
        }
        return path;
    }
}
