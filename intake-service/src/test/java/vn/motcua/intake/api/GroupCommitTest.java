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
import vn.motcua.intake.Rows;
import vn.motcua.testkit.InfrastructureResource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kiosks posting at the same moment are written together, several dossiers a transaction (store.NewDossierInsert),
 * and each still gets its own answer: a twin its first result, a key reused for another body its 422, the others
 * their dossier, each dossier with its step, event and key once.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class GroupCommitTest {

    private static final int KIOSKS = 48;

    @Inject
    DataSource dataSource;

    @Test
    void dossiersPostedTogetherShareCommitsAndKeepTheirOwnAnswers() throws Exception {
        String twinKey = UUID.randomUUID().toString();
        String reusedKey = UUID.randomUUID().toString();
        Map<String, Object> twinBody = body("SADEC-P1");
        List<Callable<ExtractableResponse<Response>>> posts = new ArrayList<>();
        for (int kiosk = 0; kiosk < KIOSKS; kiosk++) {
            String key = UUID.randomUUID().toString();
            posts.add(() -> post(key, body("SADEC-P2")));
        }
        posts.add(() -> post(twinKey, twinBody));
        posts.add(() -> post(twinKey, twinBody));
        posts.add(() -> post(reusedKey, body("SADEC-P3")));
        posts.add(() -> post(reusedKey, body("SADEC-P4")));

        List<ExtractableResponse<Response>> answers = atOnce(posts);

        List<String> codes = answers.subList(0, KIOSKS).stream().map(answer -> {
            assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(201);
            return answer.<String>path("code");
        }).toList();
        assertThat(codes).doesNotHaveDuplicates();
        ExtractableResponse<Response> twin = answers.get(KIOSKS);
        ExtractableResponse<Response> twinAgain = answers.get(KIOSKS + 1);
        assertThat(List.of(twin.statusCode(), twinAgain.statusCode())).containsOnly(201);
        assertThat(twinAgain.<String>path("code")).isEqualTo(twin.path("code"));
        assertThat(List.of(answers.get(KIOSKS + 2).statusCode(), answers.get(KIOSKS + 3).statusCode()))
                .containsExactlyInAnyOrder(201, 422);

        String[] all = codes.toArray(String[]::new);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM dossier_step WHERE dossier_code = ANY(?)", (Object) all))
                .isEqualTo(KIOSKS);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ANY(?)", (Object) all))
                .isEqualTo(KIOSKS);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM idempotency_key WHERE dossier_code = ANY(?)", (Object) all))
                .isEqualTo(KIOSKS);
        // rows one transaction wrote carry its id (xmin): fewer transactions than dossiers
        assertThat(Rows.number(dataSource, "SELECT count(DISTINCT xmin::text) FROM dossier WHERE code = ANY(?)",
                (Object) all)).isLessThan(KIOSKS);
    }

    private static Map<String, Object> body(String unit) {
        return new HashMap<>(Dossiers.direct("1.004873", unit, "2022-03-01T08:00:00+07:00"));
    }

    private static ExtractableResponse<Response> post(String key, Map<String, Object> body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/dossiers").then().extract();
    }

    /** Every call released at the same instant, each on a thread of its own; the answers in the calls' order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> call : calls) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
