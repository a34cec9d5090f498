package vn.motcua.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.RestAssured;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Assertions on a running service's {@code /q/health/ready}, for the readiness tests of every service. */
public final class Readiness {

    private Readiness() {
    }

    /** Ready, with every named check UP. */
    public static void assertUp(String... checks) {
        var response = RestAssured.get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        for (String check : checks) {
            response.body("checks.findAll { it.status == 'UP' }.name", hasItem(check));
        }
    }

    /** Within 30 seconds the service answers 503 with the named check DOWN. */
    public static void awaitDown(String check) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                RestAssured.get("/q/health/ready").then().statusCode(503)
                        .body("status", is("DOWN"))
                        .body("checks.findAll { it.status == 'DOWN' }.name", hasItem(check)));
    }

    /**
     * The readiness test of every service: ready with a check UP for each of the test's own servers, then each
     * server stopped in turn (database first, broker last) turns its own check DOWN.
     */
    public static void assertDownWhenEachServerStops(DedicatedInfrastructure infrastructure) {
        Map<String, AutoCloseable> serverOfCheck = new LinkedHashMap<>();
        if (infrastructure.postgres() != null) {
            serverOfCheck.put(ReadinessChecks.DATABASE, infrastructure.postgres());
        }
        if (infrastructure.mongo() != null) {
            serverOfCheck.put(ReadinessChecks.MONGODB, infrastructure.mongo());
        }
        if (infrastructure.kafka() != null) {
            serverOfCheck.put(ReadinessChecks.KAFKA, infrastructure.kafka());
        }
        assertUp(serverOfCheck.keySet().toArray(String[]::new));
        serverOfCheck.forEach((check, server) -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the server behind " + check, e);
            }
            awaitDown(check);
        });
    }
}
