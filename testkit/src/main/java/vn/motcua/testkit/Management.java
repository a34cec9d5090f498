package vn.motcua.testkit;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;

import java.net.URI;

/**
 * The management interface of the {@code @QuarkusTest} service (health, metrics, OpenAPI, stats' admin actions:
 * quarkus.management.*), on a port of its own, random in tests.
 */
public final class Management {

    private Management() {
    }

    /** The address of a management path, e.g. {@code /q/health/ready}. */
    public static String url(String path) {
        URI root = URI.create(TestHTTPResourceManager.getManagementUri());
        return root.getScheme() + "://" + root.getHost() + ":" + root.getPort() + path;
    }

    /** Runs {@code calls} with RestAssured's default port on the management interface (testkit's Readiness). */
    public static void onManagementPort(Runnable calls) {
        int apiPort = RestAssured.port;
        RestAssured.port = URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
        try {
            calls.run();
        } finally {
            RestAssured.port = apiPort;
        }
    }
}
