package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class DossierLifecycleTest {

    /**
     * Received Mon 10/1/2022 09:00, 3 working days: due Thu 13/1. Supplement requested Tue 11/1: R = 12/1, 13/1 = 2.
     * Supplement received Mon 17/1 10:00: S = 17/1, due the 2nd working day after it, Wed 19/1.
     */
    @Test
    void aSupplementStopsTheClockAndTheResumeKeepsTheWorkingDaysLeft() {
        String code = Dossiers.receive("1.004873", "SADEC-P1", "2022-01-10T09:00:00+07:00");

        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-01-11T10:00:00+07:00",
                        "reason", "Thiếu bản sao giấy khai sinh"))
                .statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED")).body("paused", equalTo(true));
        Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-01-17T10:00:00+07:00"))
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("dueDate", equalTo("2022-01-19"))
                .body("dueAt", equalTo("2022-01-19T17:00:00+07:00"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-19T16:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200).body("timeliness", equalTo("ON_TIME")).body("status", equalTo("RESOLVED"));

        RestAssured.get("/api/dossiers/{code}", code).then()
                .statusCode(200)
                .body("applicant.idNumber", equalTo("087190001234"))
                .body("history.type", contains("dossier.received", "dossier.supplement-requested",
                        "dossier.supplement-received", "dossier.resolved"))
                .body("history.sequence", contains(1, 2, 3, 4));
    }

    @Test
    void aSupplementRequestedAfterTheDueTimeDoesNotStopTheClock() {
        String code = Dossiers.receive("1.004873", "SADEC-P2", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-01-14T10:00:00+07:00", "reason", "x"))
                .statusCode(200).body("paused", equalTo(false));
        Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-01-20T10:00:00+07:00"))
                .statusCode(200).body("dueDate", equalTo("2022-01-13"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-20T11:00:00+07:00", "decision", "REFUSED"))
                .statusCode(200).body("timeliness", equalTo("LATE")).body("decision", equalTo("REFUSED"));
    }

    @Test
    void anApologyGivesANewDateButTheDossierStaysLate() {
        String code = Dossiers.receive("1.004873", "SADEC-P3", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code, "apologies", Map.of("issuedAt", "2022-01-13T15:00:00+07:00",
                        "newAppointmentAt", "2022-01-18T17:00:00+07:00", "reason", "Cần xác minh"))
                .statusCode(200).body("newAppointmentAt", equalTo("2022-01-18T17:00:00+07:00"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-17T09:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200).body("timeliness", equalTo("LATE"));
    }

    @Test
    void earlyResultsAreEarly() {
        String code = Dossiers.receive("1.004873", "SADEC-P4", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-12T09:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200).body("timeliness", equalTo("EARLY"));
    }

    @Test
    void whatTheStateDoesNotAllowIsAConflict() {
        String code = Dossiers.receive("1.004873", "SADEC-AH", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code, "supplement-received", Map.of()).statusCode(409)
                .contentType("application/problem+json");
        Dossiers.step(code, "withdrawal", Map.of("withdrawnAt", "2022-01-11T09:00:00+07:00")).statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        Dossiers.step(code, "result", Map.of("decision", "APPROVED")).statusCode(409);
        Dossiers.step(code, "apologies", Map.of("newAppointmentAt", "2022-02-01T17:00:00+07:00", "reason", "x"))
                .statusCode(409);
        Dossiers.step("NO-SUCH-DOSSIER", "withdrawal", Map.of()).statusCode(404);
    }

    @Test
    void aStepDatedBeforeTheOneItFollowsIsRefused() {
        String code = Dossiers.receive("1.004873", "SADEC-TQD", "2022-01-10T09:00:00+07:00");
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-09T09:00:00+07:00", "decision", "APPROVED"))
                .statusCode(400).body("errors.field", hasItem("resolvedAt"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-01-11T09:00:00+07:00"))
                .statusCode(400).body("errors.field", hasItem("decision"));
        RestAssured.get("/api/dossiers/{code}", code).then().body("status", equalTo("RECEIVED"));
    }
}
