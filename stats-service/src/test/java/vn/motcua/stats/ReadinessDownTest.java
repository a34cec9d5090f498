package vn.motcua.stats;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.ReadinessDownContract;

import java.net.URL;

/** Servers of its own, stopped under the running service: readiness must turn DOWN and name what is missing. */
@QuarkusTest
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReadinessDownTest extends ReadinessDownContract {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private int applicationPort;

    /**
     * The contract starts from "ready", which waits for the first read of the catalogue; health answers on the
     * management interface (testkit's Readiness asks RestAssured's port).
     */
    @BeforeEach
    void readyOnTheManagementPort() {
        ServiceReady.await();
        applicationPort = RestAssured.port;
        RestAssured.port = management.getPort();
    }

    @AfterEach
    void applicationPortAgain() {
        RestAssured.port = applicationPort;
    }
}
