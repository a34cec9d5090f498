package vn.motcua.stats;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.stats.messaging.StatsConsumerReadiness;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.ReadinessChecks;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"))
class ReadinessTest {

    /** Ready once the catalogue has been read to its end: the broker, the database and both consumer loops UP. */
    @Test
    void readyAgainstRealInfrastructure() {
        ServiceReady.await();
        Management.onManagementPort(() ->
                Readiness.assertUp(ReadinessChecks.KAFKA, ReadinessChecks.MONGODB, StatsConsumerReadiness.NAME));
    }
}
