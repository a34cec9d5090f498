package vn.motcua.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.messaging.CatalogueConsumerReadiness;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.ReadinessChecks;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ReadinessTest {

    @Test
    void readyAgainstRealInfrastructure() {
        Readiness.assertUp(ReadinessChecks.KAFKA, ReadinessChecks.DATABASE, CatalogueConsumerReadiness.NAME);
    }
}
