package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The result step: how the result reached the applicant, and the working days it took (domain.HandlingTime). */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ResultStepTest {

    /**
     * The golden fixtures' course on a 3-working-day procedure: received Wed 5/1/2022 08:30, supplement asked Thu 6/1
     * and received Wed 12/1 09:00, resolved Tue 18/1 16:00, late: 9 working days after S = 5/1, 4 of them stopped.
     */
    @Test
    void theResultIsStoredShownAndPublishedWithItsDeliveryAndHandlingTime() {
        String code = Dossiers.receive("1.004873", "SADEC", "2022-01-05T08:30:00+07:00");
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-01-06T10:00:00+07:00", "reason", "x"))
                .statusCode(200);
        Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-01-12T09:00:00+07:00"))
                .statusCode(200).body("dueDate", equalTo("2022-01-14"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-18T16:00:00+07:00", "decision", "APPROVED",
                        "resultDelivery", "POSTAL"))
                .statusCode(200).body("timeliness", equalTo("LATE"))
                .body("resultDelivery", equalTo("POSTAL")).body("handlingWorkingDays", equalTo(5));

        RestAssured.get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("resultDelivery", equalTo("POSTAL")).body("handlingWorkingDays", equalTo(5));
        DossierData resolved = EventCodec.dossierData(event(code, EventTypes.RESOLVED));
        assertThat(resolved.resultDelivery()).isEqualTo(ResultDelivery.POSTAL);
        assertThat(resolved.handlingWorkingDays()).isEqualTo(5);
    }

    /** Without a delivery the event leaves it out; the handling time is always there. A same-day result took 0. */
    @Test
    void theDeliveryIsOptional() {
        String code = Dossiers.receive("1.004873", "SADEC-P1", "2022-01-05T08:30:00+07:00");
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-05T16:00:00+07:00", "decision", "REFUSED"))
                .statusCode(200).body("resultDelivery", nullValue()).body("handlingWorkingDays", equalTo(0));
        CloudEvent event = event(code, EventTypes.RESOLVED);
        assertThat(event.data().has("resultDelivery")).isFalse();
        assertThat(EventCodec.dossierData(event).handlingWorkingDays()).isZero();
    }

    /** Only the resolved event carries the two fields. */
    @Test
    void otherStepsCarryNeither() {
        String code = Dossiers.receive("1.004873", "SADEC-P2", "2022-01-05T08:30:00+07:00");
        Dossiers.step(code, "withdrawal", Map.of("withdrawnAt", "2022-01-07T09:00:00+07:00")).statusCode(200)
                .body("handlingWorkingDays", nullValue());
        DossierData withdrawn = EventCodec.dossierData(event(code, EventTypes.WITHDRAWN));
        assertThat(withdrawn.handlingWorkingDays()).isNull();
        assertThat(EventCodec.dossierData(event(code, EventTypes.RECEIVED)).resultDelivery()).isNull();
    }

    @Test
    void anUnknownDeliveryIsRefusedByName() {
        String code = Dossiers.receive("1.004873", "SADEC-P3", "2022-01-05T08:30:00+07:00");
        for (Object delivery : List.of("EMAIL", "electronic", 3)) {
            Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-06T09:00:00+07:00", "decision", "APPROVED",
                            "resultDelivery", delivery))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("resultDelivery")));
        }
        RestAssured.get("/api/dossiers/{code}", code).then().body("status", equalTo("RECEIVED"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-06T09:00:00+07:00", "decision", "APPROVED",
                "resultDelivery", "ELECTRONIC")).statusCode(200).body("resultDelivery", equalTo("ELECTRONIC"))
                .body("handlingWorkingDays", equalTo(1));
    }

    private static CloudEvent event(String code, String type) {
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> Dossiers.eventsOf(all, code).stream()
                    .anyMatch(event -> event.type().equals(type)));
            return Dossiers.eventsOf(events, code).stream().filter(event -> event.type().equals(type)).findFirst()
                    .orElseThrow();
        }
    }
}
