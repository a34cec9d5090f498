package vn.motcua.testkit;

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
}
