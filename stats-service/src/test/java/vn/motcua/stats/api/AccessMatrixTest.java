package vn.motcua.stats.api;

import vn.motcua.testkit.TestTokens;
import vn.motcua.testkit.Management;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.stats.store.StatsDatabase;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.testkit.InfrastructureResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what in stats-service (docs/contracts.md, "Who may do what"): every endpoint × every kind of caller, with real
 * signed tokens checked against the JWKS of a WireMock issuer. Each cell is the status the call must answer. The
 * reports, the unit list and the dashboard are public (aggregates, no dossier codes): any caller, a token that does
 * not verify included, reads them. The operator actions are on the management port and for an admin only; every
 * refusal is problem+json and runs nothing (a total planted wrong stays wrong). The public port has no admin action.
 * <p>
 * Port {@code api} is the service's HTTP port, {@code mgmt} the management interface. {@code GET:csv} asks with
 * {@code Accept: text/csv}. Callers: a kiosk of SADEC-P1, a clerk and a supervisor of SADEC-P1, an admin, a
 * supervisor of another unit (LAPVO), and five tokens to refuse (expired, forged signature, another issuer, and an
 * admin's not meant for the suite: another audience, or a client no service takes).
 * Starting a rebuild from the topics (POST, admin 202) would change which generation this shared application
 * serves; its refusals and its 202 and 409 are RebuildFromTopicServiceTest's, in an application of its own.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"))
@WithTestResource(OidcWiremockTestResource.class)
class AccessMatrixTest {

    static final String MATRIX = """
            port method  endpoint                                   none kiosk clerk supervisor admin otherUnit expired forged foreign otherAudience otherClient
            api  GET     /api/stats/reports/2022-H1?unit=ALL        200  200   200   200        200   200       200     200    200    200           200
            api  GET:csv /api/stats/reports/2022-H1?unit=ALL        200  200   200   200        200   200       200     200    200    200           200
            api  GET     /api/stats/reports/2022-H1.csv?by=field    200  200   200   200        200   200       200     200    200    200           200
            api  GET     /api/stats/units                           200  200   200   200        200   200       200     200    200    200           200
            api  GET     /api/dashboard/config                      200  200   200   200        200   200       200     200    200    200           200
            api  GET     /                                          200  200   200   200        200   200       200     200    200    200           200
            api  GET     /dashboard/alerts.js                       200  200   200   200        200   200       200     200    200    200           200
            mgmt POST    /api/stats/admin/rebuild?dryRun=true       401  403   403   403        200   403       401     401    401    401           401
            mgmt POST    /api/stats/admin/rebuild                   401  403   403   403        200   403       401     401    401    401           401
            mgmt POST    /api/stats/admin/sweep                     401  403   403   403        200   403       401     401    401    401           401
            mgmt GET     /api/stats/admin/rebuild-from-topic        401  403   403   403        200   403       401     401    401    401           401
            api  POST    /api/stats/admin/rebuild                   404  404   404   404        404   404       404     404    404    404           404
            api  POST    /api/stats/admin/sweep                     404  404   404   404        404   404       404     404    404    404           404
            api  GET     /api/stats/admin/rebuild-from-topic        404  404   404   404        404   404       404     404    404    404           404
            mgmt GET     /q/health/live                             200  200   200   200        200   200       200     200    200    200           200
            mgmt GET     /q/metrics                                 200  200   200   200        200   200       200     200    200    200           200
            mgmt GET     /q/openapi                                 200  200   200   200        200   200       200     200    200    200           200
            """;

    static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("none", () -> null);
        CALLERS.put("kiosk", () -> TestTokens.kiosk("SADEC-P1"));
        CALLERS.put("clerk", () -> TestTokens.user("clerk-p1", "clerk", "SADEC-P1"));
        CALLERS.put("supervisor", () -> TestTokens.user("supervisor-p1", "supervisor", "SADEC-P1"));
        CALLERS.put("admin", () -> TestTokens.user("admin-1", "admin"));
        CALLERS.put("otherUnit", () -> TestTokens.user("supervisor-lapvo", "supervisor", "LAPVO"));
        CALLERS.put("expired", TestTokens::expired);
        CALLERS.put("forged", TestTokens::forged);
        CALLERS.put("foreign", TestTokens::foreignIssuer);
        CALLERS.put("otherAudience", TestTokens::otherAudience);
        CALLERS.put("otherClient", TestTokens::otherClient);
    }

    /** A total that no dossier explains: a rebuild that runs takes it back to zero. */
    static final Document PLANTED = new Document("_id", "MATRIX|1.001612|2022-H1").append("unit", "MATRIX")
            .append("procedure", "1.001612").append("period", "2022-H1")
            .append("c", new Document("newOnline", 7L));

    @Inject
    StatsDatabase database;

    record Cell(String port, String method, String path, String caller, int expected) {
        @Override
        public String toString() {
            return port + " " + method + " " + path + " by " + caller + " → " + expected;
        }

        boolean isAdminAction() {
            return path.startsWith(AdminRoutes.ROOT);
        }
    }

    static Stream<Cell> cells() {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> callers = List.of(lines.get(0).trim().split("\\s+")).subList(3, CALLERS.size() + 3);
        assertThat(callers).containsExactlyElementsOf(CALLERS.keySet());
        List<Cell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.trim().split("\\s+");
            assertThat(parts).as(line).hasSize(callers.size() + 3);
            for (int i = 0; i < callers.size(); i++) {
                cells.add(new Cell(parts[0], parts[1], parts[2], callers.get(i), Integer.parseInt(parts[i + 3])));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void answersAsTheMatrixSays(Cell cell) {
        ServiceReady.await();
        if (cell.isAdminAction()) {
            totals().replaceOne(Filters.eq("_id", PLANTED.get("_id")), PLANTED, new ReplaceOptions().upsert(true));
        }
        List<String> before = fingerprint();

        Response answer = call(cell, CALLERS.get(cell.caller()).get());

        assertThat(answer.statusCode()).as("%s (body %s)", cell, answer.asString()).isEqualTo(cell.expected());
        if (cell.expected() >= 400) {
            assertThat(answer.contentType()).as(cell.toString()).startsWith("application/problem+json");
            assertThat(answer.jsonPath().getInt("status")).as(cell.toString()).isEqualTo(cell.expected());
            assertThat(fingerprint()).as("%s wrote nothing", cell).isEqualTo(before);
        }
        if (cell.expected() == 401) {
            assertThat(answer.header("WWW-Authenticate")).as(cell.toString()).startsWith("Bearer");
        }
        if (cell.expected() == 200 && cell.path().equals(AdminRoutes.ROOT + "/rebuild")) {
            assertThat(fingerprint()).as("%s ran the rebuild", cell).isNotEqualTo(before);
        }
    }

    private MongoCollection<Document> totals() {
        return database.get().getCollection("totals");
    }

    /** Every totals document as it stands: what rebuild and sweep would change. */
    private List<String> fingerprint() {
        List<String> documents = new ArrayList<>();
        totals().find().sort(Sorts.ascending("_id")).forEach(doc -> documents.add(doc.toJson()));
        database.get().getCollection("dossiers").find().sort(Sorts.ascending("_id"))
                .forEach(doc -> documents.add(doc.toJson()));
        return documents;
    }

    private static Response call(Cell cell, String token) {
        RequestSpecification request = RestAssured.given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (cell.method().equals("GET:csv")) {
            request.accept("text/csv");
        }
        String url = cell.port().equals("mgmt") ? Management.url(cell.path()) : cell.path();
        return request.request(cell.method().replace(":csv", ""), url);
    }
}
