package vn.motcua.intake.messaging;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import static org.hamcrest.Matchers.is;

/** A relay whose thread has ended publishes nothing more: liveness says so, so that the process is restarted. */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class OutboxRelayLivenessTest {

    private static final String RELAY = "checks.find { it.name == '" + OutboxRelayLiveness.NAME + "' }";
    private static final String OUTBOX = "checks.find { it.name == '" + OutboxHealth.NAME + "' }";

    @Inject
    OutboxRelay relay;

    @Test
    void downOnceTheRelayThreadHasStoppedAndUpAgainWhenItRelays() {
        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200).body(RELAY + ".status", is("UP"));

        relay.stopRelaying();
        try {
            RestAssured.get(Management.url("/q/health/live")).then().statusCode(503)
                    .body(RELAY + ".status", is("DOWN"))
                    .body(RELAY + ".data.threadAlive", is(false));
            RestAssured.get(Management.url("/q/health/well")).then().statusCode(503).body(OUTBOX + ".status", is("DOWN"));
        } finally {
            relay.startRelaying();
        }

        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200).body(RELAY + ".status", is("UP"));
        String code = Dossiers.receive("1.004873", "SADEC-P1", "2022-03-01T08:00:00+07:00");
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            reader.until(all -> !Dossiers.eventsOf(all, code).isEmpty());
        }
    }
}
