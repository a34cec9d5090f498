package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.motcua.intake.Dossiers.put;

/** Procedures whose processing time is counted in calendar days (docs/time-and-counting.md, "In calendar days"). */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class CalendarDayProceduresTest {

    @Test
    void aProcedureInCalendarDaysIsKeptAndCountsFromTheDayAfterReceipt() {
        putProcedure("9.400001", 10, "CALENDAR_DAYS").statusCode(200)
                .body("processingTime.unit", equalTo("CALENDAR_DAYS"));
        RestAssured.get("/api/procedures/9.400001").then().body("processingTime.amount", equalTo(10));
        // Wed 9/3/2022 10:00 + 10 days: Sat 19/3, moved to Mon 21/3.
        Dossiers.post(Dossiers.direct("9.400001", "SADEC", "2022-03-09T10:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-03-21")).body("dueAt", equalTo("2022-03-21T17:00:00+07:00"));
        // Fri 28/1/2022 + 3 days: Mon 31/1, closed for Tết until Fri 4/2: Mon 7/2.
        putProcedure("9.400002", 3, "CALENDAR_DAYS").statusCode(200);
        Dossiers.post(Dossiers.direct("9.400002", "SADEC", "2022-01-28T16:30:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-02-07"));
    }

    @Test
    void badCalendarDayProceduresAreRefusedByField() {
        putProcedure("9.400003", 0, "CALENDAR_DAYS").statusCode(400)
                .body("errors.field", equalTo(List.of("processingTime.amount")));
        putProcedure("9.400003", 5, "DAYS").statusCode(400)
                .body("errors.field", equalTo(List.of("processingTime.unit")))
                .body("errors[0].message", containsString("CALENDAR_DAYS"));
        RestAssured.get("/api/procedures/9.400003").then().statusCode(404);
    }

    /**
     * Wed 9/3/2022 10:00, 10 calendar days: due Mon 21/3. A supplement asked Fri 11/3 keeps the 10 days 12/3–21/3;
     * it arrives Mon 14/3, so the last day is Thu 24/3 (in working days it would be Tue 22/3). The result on 24/3:
     * on time, after 11 working days of which one (14/3) was stopped.
     */
    @Test
    void aCalendarDayDeadlinePausesAndResumesInCalendarDays() {
        putProcedure("9.400004", 10, "CALENDAR_DAYS").statusCode(200);
        String code = Dossiers.receive("9.400004", "SADEC-P4", "2022-03-09T10:00:00+07:00");
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-03-11T09:00:00+07:00", "reason", "x"))
                .statusCode(200).body("paused", equalTo(true));
        Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-03-14T10:00:00+07:00"))
                .statusCode(200).body("dueDate", equalTo("2022-03-24")).body("dueAt", equalTo("2022-03-24T17:00:00+07:00"));
        Dossiers.step(code, "result", Map.of("resolvedAt", "2022-03-24T15:00:00+07:00", "decision", "APPROVED"))
                .statusCode(200).body("timeliness", equalTo("ON_TIME")).body("handlingWorkingDays", equalTo(10));

        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = Dossiers.eventsOf(reader.until(all -> Dossiers.eventsOf(all, code).size() >= 4), code);
            CloudEvent requested = events.stream().filter(e -> e.type().equals(EventTypes.SUPPLEMENT_REQUESTED))
                    .findFirst().orElseThrow();
            assertThat(EventCodec.dossierData(requested).remainingWorkingDays()).as("working days only").isNull();
            assertThat(EventCodec.dossierData(requested).dueDate()).hasToString("2022-03-21");
        }
    }

    /** A result while the clock is stopped is early with days left (a request before the due date), else on time. */
    @Test
    void aResultWhileStoppedIsEarlyWithDaysLeftElseOnTime() {
        putProcedure("9.400005", 10, "CALENDAR_DAYS").statusCode(200);
        for (String requested : List.of("2022-03-18T09:00:00+07:00", "2022-03-21T09:00:00+07:00")) {
            String code = Dossiers.receive("9.400005", "SADEC-P4", "2022-03-09T10:00:00+07:00");
            Dossiers.step(code, "supplement-requests", Map.of("requestedAt", requested, "reason", "x"))
                    .statusCode(200).body("paused", equalTo(true));
            Dossiers.step(code, "result", Map.of("resolvedAt", "2022-03-25T09:00:00+07:00", "decision", "REFUSED"))
                    .statusCode(200).body("timeliness", equalTo(requested.startsWith("2022-03-18") ? "EARLY" : "ON_TIME"));
        }
    }

    /**
     * A dossier keeps the unit its deadline was computed in. Thu 6/1/2022 09:00, 3 working days: due Tue 11/1. The
     * procedure then turns to calendar days. A supplement asked Fri 7/1 keeps 2 working days (10/1, 11/1; in calendar
     * days it would be 4); it arrives Mon 17/1: due Wed 19/1 (not Fri 21/1).
     */
    @Test
    void aChangeOfTheProceduresUnitLeavesOpenDossiersAsTheyWere() {
        putProcedure("9.400006", 3, "WORKING_DAYS").statusCode(200);
        String code = Dossiers.receive("9.400006", "SADEC-P4", "2022-01-06T09:00:00+07:00");
        putProcedure("9.400006", 3, "CALENDAR_DAYS").statusCode(200);
        Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-01-07T10:00:00+07:00", "reason", "x"))
                .statusCode(200);
        Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-01-17T09:00:00+07:00"))
                .statusCode(200).body("dueDate", equalTo("2022-01-19"));
        Dossiers.post(Dossiers.direct("9.400006", "SADEC", "2022-01-06T09:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-01-10"));
        RestAssured.get("/api/procedures").then().body("processingTime.unit", hasItem("CALENDAR_DAYS"));
    }

    private static io.restassured.response.ValidatableResponse putProcedure(String code, int amount, String unit) {
        return put("/api/procedures/" + code, Map.of("name", "Thủ tục tính theo ngày", "field", "Thử",
                "processingTime", Map.of("amount", amount, "unit", unit)));
    }
}
