package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.LogCapture;
import vn.motcua.testkit.InfrastructureResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A group commit of new dossiers that fails for another reason than a clash (here a check the test adds to the
 * table, whose server detail would be "Failing row contains (…)" with every value) is logged and answered without
 * the applicants' name, ID number or phone: the driver is told to leave them out, and intake keeps only the SQL state.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class PersonalDataNotLoggedTest {

    private static final String REFUSED_NAME = "Lê Thị Hỏng Lưu";
    private static final int KIOSKS = 8;

    @Inject
    DataSource dataSource;

    @Test
    void aFailedGroupCommitLogsNeitherNamesNorIdNumbersNorPhones() throws Exception {
        List<String> idNumbers = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < KIOSKS; i++) {
            idNumbers.add("0871999" + String.format("%05d", i));
            phones.add("09876543" + String.format("%02d", i));
        }
        execute("ALTER TABLE dossier ADD CONSTRAINT test_refuses_one_name CHECK (applicant_name <> '"
                + REFUSED_NAME + "') NOT VALID");
        List<ExtractableResponse<Response>> answers;
        String log;
        try (LogCapture capture = LogCapture.start()) {
            answers = atOnce(idNumbers, phones);
            log = capture.text();
        } finally {
            execute("ALTER TABLE dossier DROP CONSTRAINT test_refuses_one_name");
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(500);
        assertThat(log).contains("23514");
        List<String> personal = new ArrayList<>(idNumbers);
        personal.addAll(phones);
        personal.add(REFUSED_NAME);
        for (String value : personal) {
            assertThat(log).doesNotContain(value);
            answers.forEach(answer -> assertThat(answer.body().asString()).doesNotContain(value));
        }
    }

    /** The driver's half alone: a failed batch's message holds neither the statement's values nor the row. */
    @Test
    void theDriverLeavesBoundValuesAndTheServersDetailOutOfABatchsMessage() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute("CREATE TEMPORARY TABLE IF NOT EXISTS test_batch (v text CHECK (v <> 'x'))", connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO test_batch VALUES (?)")) {
                insert.setString(1, "087190009999");
                insert.addBatch();
                insert.setString(1, "x");
                insert.addBatch();
                assertThatThrownBy(insert::executeBatch).satisfies(e -> {
                    for (SQLException next = (SQLException) e; next != null; next = next.getNextException()) {
                        assertThat(next.getMessage()).doesNotContain("087190009999").doesNotContain("Failing row");
                    }
                });
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(sql, connection);
        }
    }

    private static void execute(String sql, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<ExtractableResponse<Response>> atOnce(List<String> idNumbers, List<String> phones)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(idNumbers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ExtractableResponse<Response>>> posts = new ArrayList<>();
            for (int i = 0; i < idNumbers.size(); i++) {
                Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P1",
                        "2022-03-01T08:00:00+07:00"));
                body.put("applicant", Map.of("name", REFUSED_NAME, "idNumber", idNumbers.get(i),
                        "phone", phones.get(i)));
                posts.add(threads.submit(() -> {
                    start.await();
                    return RestAssured.given().contentType(ContentType.JSON)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(body).post("/api/dossiers").then().extract();
                }));
            }
            start.countDown();
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> post : posts) {
                answers.add(post.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
