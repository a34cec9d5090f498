package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, on the packaged services with real tokens from Keycloak (realm motcua): every endpoint of the
 * three services (stats' admin actions on its management port) × every kind of caller, the status each must
 * answer (docs/contracts.md, "Who may do what"). A refusal is
 * problem+json and changes nothing: the state a row names is read by an admin before and after the call.
 * Every dossier of the table is SADEC-P1's, received by the kiosk of SADEC-P1, but {codeP2}, SADEC-P2's by its kiosk.
 */
class AccessMatrixIT {

    /**
     * Rows: method, path ({code}: a fresh dossier of SADEC-P1, {codeP2}: one of SADEC-P2, {paused}: one waiting for a
     * supplement, {dayOff}: a fresh day off). Columns: no token; the kiosks and clerks of wards P1 and P2; the
     * supervisors of P1 and of the city; the admin; refused tokens; a user with no role ({@code nobody}); the city's
     * clerk and kiosk, whose unit is the wards' parent (a clerk acts for the units under it, a kiosk for its own).
     */
    private static final String MATRIX = """
            endpoint                                           none kioskP1 kioskP2 clerkP1 clerkP2 supP1 supCity admin expired forged foreign nobody clerkCity kioskCity
            POST   /api/dossiers                               401  201     403     201     403     403   403     201   401     401    401  403 201 403
            GET    /api/dossiers/{code}                        401  200     404     200     403     200   200     200   401     401    401  403 200 404
            GET    /api/dossiers/{codeP2}                      401  404     200     403     200     403   200     200   401     401    401      403    200       404
            GET    /api/dossiers/lookup/{lookup}                200  200  200  200  200  200  200  200  401  401  401  200  200  200
            GET    /api/dossiers/{code}/slip                   401  200     404     200     403     200   200     200   401     401    401  403 200 404
            GET    /tra-cuu?ma={lookup}                         200  200  200  200  200  200  200  200  401  401  401  200  200  200
            POST   /api/dossiers/{code}/supplement-requests    401  403     403     200     403     403   403     200   401     401    401  403 200 403
            POST   /api/dossiers/{paused}/supplement-received  401  403     403     200     403     403   403     200   401     401    401  403 200 403
            POST   /api/dossiers/{code}/apologies              401  403     403     200     403     403   403     200   401     401    401  403 200 403
            POST   /api/dossiers/{code}/result                 401  403     403     200     403     403   403     200   401     401    401  403 200 403
            POST   /api/dossiers/{code}/withdrawal             401  403     403     200     403     403   403     200   401     401    401  403 200 403
            GET    /api/procedures                              200  200  200  200  200  200  200  200  401  401  401  200  200  200
            GET    /api/procedures/1.004873                     200  200  200  200  200  200  200  200  401  401  401  200  200  200
            PUT    /api/procedures/9.000888                    401  403     403     403     403     403   403     200   401     401    401  403 403 403
            GET    /api/units                                   200  200  200  200  200  200  200  200  401  401  401  200  200  200
            GET    /api/units/SADEC-P1                          200  200  200  200  200  200  200  200  401  401  401  200  200  200
            PUT    /api/units/E2E-MATRIX                       401  403     403     403     403     403   403     200   401     401    401  403 403 403
            GET    /api/calendar/2022                           200  200  200  200  200  200  200  200  401  401  401  200  200  200
            PUT    /api/calendar/2098                          401  403     403     403     403     403   403     200   401     401    401  403 403 403
            GET    /api/calendar/days-off                       200  200  200  200  200  200  200  200  401  401  401  200  200  200
            GET    /api/calendar/days-off/{dayOff}              200  200  200  200  200  200  200  200  401  401  401  200  200  200
            POST   /api/calendar/days-off                      401  403     403     403     403     403   403     201   401     401    401  403 403 403
            DELETE /api/calendar/days-off/{dayOff}             401  403     403     403     403     403   403     204   401     401    401  403 403 403
            GET    deadline:/api/deadlines/overdue?unit=SADEC-P1 401 403    403     200     403     200   200     200   401     401    401  403 200 403
            GET    deadline:/api/deadlines/overdue?unit=SADEC-P2 401 403    403     403     200     403   200     200   401     401    401  403 200 403
            GET    deadline:/api/deadlines/overdue?unit=ALL    401  403     403     403     403     403   403     200   401     401    401  403 403 403
            STREAM deadline:/api/alerts/stream?unit=SADEC-P1   401  403     403     200     403     200   200     200   401     401    401  403 200 403
            STREAM deadline:/api/alerts/stream?unit=SADEC-P2   401  403     403     403     200     403   200     200   401     401    401  403 200 403
            GET    deadline:/api/alerts/login?returnTo=http://localhost:8083/  302 303 303 303 303 303 303 303 401 401 401 303 303 303
            POST   deadline:/api/alerts/logout?returnTo=http://localhost:8083/ 303 303 303 303 303 303 303 303 401 401 401 303 303 303
            GET    stats:/api/stats/reports/2022-H1?unit=SADEC 200  200     200     200     200     200   200     200   200     200    200  200 200 200
            GET    stats:/api/stats/reports/2022-H1.csv?unit=SADEC&by=field 200 200 200 200   200     200   200     200   200     200    200  200 200 200
            GET    stats:/api/stats/units                      200  200     200     200     200     200   200     200   200     200    200  200 200 200
            GET    stats:/api/dashboard/config                 200  200     200     200     200     200   200     200   200     200    200  200 200 200
            POST   stats-admin:/api/stats/admin/rebuild?dryRun=true 401 403 403   403     403     403   403     200   401     401    401  403 403 403
            POST   stats-admin:/api/stats/admin/sweep          401  403     403     403     403     403   403     200   401     401    401  403 403 403
            POST   stats:/api/stats/admin/rebuild?dryRun=true  404  404     404     404     404     404   404     404   404     404    404  404 404 404
            GET    stats-admin:/api/stats/admin/rebuild-from-topic 401 403 403    403     403     403   403     200   401     401    401  403 403 403
            GET    stats:/api/stats/admin/rebuild-from-topic   404  404     404     404     404     404   404     404   404     404    404  404 404 404
            """;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static Suite suite;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final AtomicInteger DAYS_OFF = new AtomicInteger();

    @BeforeAll
    static void startSuiteAndLogIn() throws Exception {
        suite = Suite.shared();
        TOKENS.put("none", null);
        TOKENS.put("kioskP1", suite.tokens.kiosk("SADEC-P1"));
        TOKENS.put("kioskP2", suite.tokens.kiosk("SADEC-P2"));
        TOKENS.put("clerkP1", suite.tokens.user("clerk-p1"));
        TOKENS.put("clerkP2", suite.tokens.user("clerk-p2"));
        TOKENS.put("supP1", suite.tokens.user("supervisor-p1"));
        TOKENS.put("supCity", suite.tokens.user("supervisor-sadec"));
        TOKENS.put("admin", suite.tokens.user("admin"));
        TOKENS.put("expired", RealTokens.expired(suite.keycloak, "admin"));
        TOKENS.put("forged", RealTokens.forged(suite.tokens.user("clerk-p2")));
        TOKENS.put("foreign", RealTokens.foreign(suite.keycloak));
        TOKENS.put("nobody", suite.tokens.user("nobody"));
        TOKENS.put("clerkCity", suite.tokens.user("clerk-sadec"));
        TOKENS.put("kioskCity", suite.tokens.kiosk("SADEC"));
    }

    @Test
    void every_endpoint_answers_every_caller_as_the_matrix_says() throws Exception {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> callers = List.of(lines.get(0).trim().split("\\s+")).subList(1, TOKENS.size() + 1);
        assertThat(callers).containsExactlyElementsOf(TOKENS.keySet());
        List<String> wrong = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            for (int i = 0; i < callers.size(); i++) {
                String wrongAnswer = check(cells[0], cells[1], callers.get(i), Integer.parseInt(cells[i + 2]));
                if (wrongAnswer != null) {
                    wrong.add(wrongAnswer);
                }
            }
        }
        assertThat(wrong).as("cells that answered otherwise").isEmpty();
    }

    /** Null when the cell answers as expected, else what it answered. */
    private String check(String method, String template, String caller, int expected) throws Exception {
        String cell = method + " " + template + " as " + caller;
        String url = urlOf(withFixtures(template));
        String clientCode = "SADEC-P1.E2E-MATRIX-" + UUID.randomUUID().toString().substring(0, 8);
        String witness = witnessOf(method, url, clientCode);
        String before = witness == null ? null : stateOf(witness);
        Answer answer = call(method, url, bodyOf(url, clientCode), TOKENS.get(caller));
        if (answer.status != expected) {
            return cell + ": " + answer.status + " " + answer.body;
        }
        if (expected >= 400) {
            if (!answer.contentType.startsWith("application/problem+json")) {
                return cell + ": " + expected + " as " + answer.contentType;
            }
            if (witness != null && !stateOf(witness).equals(before)) {
                return cell + ": refused, but " + witness + " changed";
            }
        }
        return null;
    }

    // ---- the calls -----------------------------------------------------------------------------------------------

    private record Answer(int status, String contentType, String body) {
    }

    private static Answer call(String method, String url, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST") && URI.create(url).getPath().equals("/api/dossiers")) {
            request.header("Idempotency-Key", "matrix-" + UUID.randomUUID()); // required of kiosks
        }
        switch (method) {
            case "GET" -> request.GET();
            case "STREAM" -> request.header("Accept", "text/event-stream").GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (method.equals("STREAM")) {
            // The stream never ends: its status and type are all the cell needs; the body only when refused.
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                String text = response.statusCode() == 200 ? "" : new String(stream.readAllBytes());
                return new Answer(response.statusCode(), contentType(response), text);
            }
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), contentType(response), response.body());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String urlOf(String path) {
        if (path.startsWith("deadline:")) {
            return suite.deadline.url(path.substring("deadline:".length()));
        }
        if (path.startsWith("stats-admin:")) {
            return suite.stats.managementUrl(path.substring("stats-admin:".length()));
        }
        if (path.startsWith("stats:")) {
            return suite.stats.url(path.substring("stats:".length()));
        }
        return suite.intake.url(path);
    }

    private static String bodyOf(String url, String clientCode) {
        String path = URI.create(url).getPath();
        if (path.equals("/api/dossiers")) {
            return dossier(clientCode);
        }
        if (path.endsWith("/supplement-requests")) {
            return "{\"reason\": \"Thiếu bản sao giấy khai sinh\"}";
        }
        if (path.endsWith("/apologies")) {
            return "{\"reason\": \"Cần xác minh thêm\", \"newAppointmentAt\": \"%s\"}"
                    .formatted(OffsetDateTime.now().plusDays(90));
        }
        if (path.endsWith("/result")) {
            return "{\"decision\": \"APPROVED\", \"resultDelivery\": \"ELECTRONIC\"}";
        }
        if (path.startsWith("/api/procedures/")) {
            return """
                    {"name": "Thủ tục của bảng quyền", "field": "Thử nghiệm",
                     "processingTime": {"amount": 5, "unit": "WORKING_DAYS"}}""";
        }
        if (path.startsWith("/api/units/")) {
            return "{\"name\": \"Đơn vị của bảng quyền\", \"parentCode\": \"SADEC\"}";
        }
        if (path.startsWith("/api/calendar/2098")) {
            return "{\"closedDays\": [{\"date\": \"2098-01-02\", \"name\": \"Nghỉ bù\"}]}";
        }
        if (path.equals("/api/calendar/days-off")) {
            return "{\"from\": \"2098-03-02\", \"reason\": \"Bảng quyền\"}";
        }
        return "{}";
    }

    private static String dossier(String code) {
        return dossier(code, "SADEC-P1");
    }

    private static String dossier(String code, String unit) {
        return """
                {"procedureCode": "1.004873", "unitCode": "%s", "channel": "DIRECT", "dossierCode": "%s",
                 "applicant": {"name": "Nguyễn Thị Bích", "idNumber": "087190001234", "phone": "0912345678"}}"""
                .formatted(unit, code);
    }

    /** A fresh dossier, paused dossier or day off for each cell, so an allowed call finds a state that allows it. */
    private static String withFixtures(String template) throws Exception {
        String path = template;
        if (path.contains("{code}") || path.contains("{lookup}") || path.contains("{paused}")) {
            Http.Answer slip = Http.post(suite.intake.url("/api/dossiers"), TOKENS.get("kioskP1"),
                    dossier("SADEC-P1.E2E-FIX-" + UUID.randomUUID().toString().substring(0, 8)), "fix-" + UUID.randomUUID());
            assertThat(slip.status()).as("fixture: %s", slip.body()).isEqualTo(201);
            String code = slip.body().path("code").asText();
            if (path.contains("{paused}")) {
                Http.Answer paused = Http.post(suite.intake.url("/api/dossiers/" + code + "/supplement-requests"),
                        TOKENS.get("admin"), "{\"reason\": \"Thiếu giấy tờ\"}", null);
                assertThat(paused.status()).as("fixture: %s", paused.body()).isEqualTo(200);
            }
            path = path.replace("{code}", code).replace("{paused}", code)
                    .replace("{lookup}", slip.body().path("lookupCode").asText());
        }
        if (path.contains("{codeP2}")) {
            Http.Answer slip = Http.post(suite.intake.url("/api/dossiers"), TOKENS.get("kioskP2"),
                    dossier("SADEC-P2.E2E-FIX-" + UUID.randomUUID().toString().substring(0, 8), "SADEC-P2"),
                    "fix-" + UUID.randomUUID());
            assertThat(slip.status()).as("fixture: %s", slip.body()).isEqualTo(201);
            path = path.replace("{codeP2}", slip.body().path("code").asText());
        }
        if (path.contains("{dayOff}")) {
            Http.Answer dayOff = Http.post(suite.intake.url("/api/calendar/days-off"), TOKENS.get("admin"),
                    "{\"from\": \"%s\", \"reason\": \"Bảng quyền\"}".formatted(
                            LocalDate.of(2097, 1, 1).plusDays(DAYS_OFF.getAndIncrement())), null);
            assertThat(dayOff.status()).as("fixture: %s", dayOff.body()).isEqualTo(201);
            path = path.replace("{dayOff}", dayOff.body().path("id").asText());
        }
        return path;
    }

    /** What an admin reads to see that a refused write changed nothing; null for reads. */
    private static String witnessOf(String method, String url, String clientCode) {
        if (method.equals("GET") || method.equals("STREAM")) {
            return null;
        }
        String path = URI.create(url).getPath();
        if (path.startsWith("/api/stats/")) {
            return null; // a dry-run rebuild and a sweep: stats' own AccessMatrixTest plants a wrong total to see it kept
        }
        if (path.equals("/api/alerts/logout")) {
            return null; // ends a session, stores nothing (deadline's DashboardSessionTest checks the cookie)
        }
        if (path.equals("/api/dossiers")) {
            return suite.intake.url("/api/dossiers/" + clientCode); // a refused POST leaves no such dossier
        }
        if (path.startsWith("/api/dossiers/")) {
            return suite.intake.url(path.substring(0, path.indexOf('/', "/api/dossiers/".length())));
        }
        return url; // the unit, procedure, year, day off or list of days off the call would change
    }

    private static String stateOf(String witness) throws IOException, InterruptedException {
        Http.Answer answer = Http.get(witness, TOKENS.get("admin"));
        JsonNode body = answer.body();
        return answer.status() + " " + body;
    }
}
