package vn.motcua.deadline;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.ReadinessDownContract;

/** Servers of its own, stopped under the running service: readiness must turn DOWN and name what is missing. */
@QuarkusTest
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReadinessDownTest extends ReadinessDownContract {
}
