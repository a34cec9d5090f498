package vn.motcua.intake;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.messaging.CatalogueConsumerReadiness;
import vn.motcua.testkit.DedicatedInfrastructure;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.InjectInfrastructure;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.ReadinessChecks;

/**
 * Servers of its own, stopped under the running service. Readiness asks for the database only: Kafka stopped leaves
 * intake ready (the outbox keeps the events), the database stopped turns it DOWN. Not the testkit's
 * ReadinessDownContract, which expects every server it stops to turn a check DOWN, Kafka's included.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReadinessDownTest {

    @InjectInfrastructure
    DedicatedInfrastructure infrastructure;

    @Test
    void staysReadyWithoutKafkaAndTurnsDownWithoutTheDatabase() throws Exception {
        Management.onManagementPort(() -> Readiness.assertUp(ReadinessChecks.DATABASE, CatalogueConsumerReadiness.NAME));

        infrastructure.kafka().close();
        Management.onManagementPort(() -> Readiness.assertUp(ReadinessChecks.DATABASE, CatalogueConsumerReadiness.NAME));

        infrastructure.postgres().close();
        Management.onManagementPort(() -> Readiness.awaitDown(ReadinessChecks.DATABASE));
    }
}
