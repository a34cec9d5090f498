package vn.motcua.stats;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.ReadinessDownContract;

/** Servers of its own, stopped under the running service: readiness must turn DOWN and name what is missing. */
@QuarkusTest
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReadinessDownTest extends ReadinessDownContract {

    /** The contract starts from "ready", which waits for the first read of the catalogue. */
    @BeforeEach
    void ready() {
        ServiceReady.await();
    }
}
