package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.TestClock;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Provisional due dates and their recount when a year's schedule is entered. Year 2027 (no shipped schedule; no
 * other test uses it) and 2028, with the clock set in March 2027; 2026 for a dossier the change does not touch.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ProvisionalDueDatesTest {

    /** Procedure 1.004873: three working days, no cut-off of its own. */
    private static final String THREE_DAYS = "1.004873";

    @Inject
    TestClock clock;

    @BeforeEach
    void inMarch2027() {
        clock.set(OffsetDateTime.parse("2027-03-15T10:00:00+07:00").toInstant());
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    /**
     * Mon 1/3/2027 09:00, three working days on the Labour Code rule: Tue 2, Wed 3, Thu 4 March, provisional. The
     * schedule entered for 2027 closes Wed 3/3 and Tue 9/3: the running dossier moves to Fri 5/3, once, and is no
     * longer provisional; the paused one keeps Thu 4/3 until its supplement arrives Mon 8/3 (R = 2: Wed 10/3 and,
     * with 9/3 closed on the new calendar, Thu 11/3); one received in 2026 is not touched.
     */
    @Test
    void enteringTheScheduleMovesRunningProvisionalDueDatesOnce() {
        Map<String, Object> slip = Dossiers.post(Dossiers.direct(THREE_DAYS, "SADEC", "2027-03-01T09:00:00+07:00"))
                .statusCode(201).body("dueDate", equalTo("2027-03-04")).body("dueDateProvisional", equalTo(true))
                .extract().as(Map.class);
        String running = (String) slip.get("code");
        RestAssured.get("/api/dossiers/{code}", running).then().statusCode(200).body("dueDateProvisional", equalTo(true));
        RestAssured.get("/api/dossiers/lookup/{code}", slip.get("lookupCode")).then().statusCode(200)
                .body("dueDateProvisional", equalTo(true));

        String paused = Dossiers.receive(THREE_DAYS, "SADEC", "2027-03-01T09:30:00+07:00");
        Dossiers.step(paused, "supplement-requests", Map.of("requestedAt", "2027-03-02T10:00:00+07:00",
                "reason", "Thiếu bản sao giấy tờ")).statusCode(200).body("paused", equalTo(true));
        String in2026 = Dossiers.post(Dossiers.direct(THREE_DAYS, "SADEC", "2026-11-02T09:00:00+07:00"))
                .statusCode(201).body("dueDate", equalTo("2026-11-05")).body("dueDateProvisional", equalTo(false))
                .extract().path("code");
        RestAssured.get("/api/calendar/2027").then().body("official", equalTo(false));

        Dossiers.put("/api/calendar/2027", schedule2027()).statusCode(200).body("official", equalTo(true));

        RestAssured.get("/api/dossiers/{code}", running).then().statusCode(200)
                .body("dueDate", equalTo("2027-03-05")).body("dueAt", equalTo("2027-03-05T17:00:00+07:00"))
                .body("dueDateProvisional", equalTo(false))
                .body("history.type", equalTo(List.of(EventTypes.RECEIVED, EventTypes.DUE_DATE_CHANGED)))
                .body("history[1].recordedBy", equalTo("intake-service"));
        RestAssured.get("/api/dossiers/lookup/{code}", slip.get("lookupCode")).then()
                .body("dueDate", equalTo("2027-03-05")).body("dueDateProvisional", equalTo(false));
        RestAssured.get("/api/dossiers/{code}", paused).then()
                .body("dueDate", equalTo("2027-03-04")).body("dueDateProvisional", equalTo(true))
                .body("history.type", equalTo(List.of(EventTypes.RECEIVED, EventTypes.SUPPLEMENT_REQUESTED)));

        // The same calendar applied again (as the topic brings it back) changes nothing.
        Dossiers.put("/api/calendar/2027", schedule2027()).statusCode(200);

        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> all = reader.until(events -> Dossiers.eventsOf(events, running).size() >= 2);
            all = reader.settle(Duration.ofSeconds(2));
            List<CloudEvent> events = Dossiers.eventsOf(all, running);
            assertThat(events).extracting(CloudEvent::type)
                    .containsExactly(EventTypes.RECEIVED, EventTypes.DUE_DATE_CHANGED);
            assertThat(EventCodec.dossierData(events.get(0)).dueDateProvisional()).isTrue();
            DossierData changed = EventCodec.dossierData(events.get(1));
            assertThat(changed.sequence()).isEqualTo(2);
            assertThat(changed.previousDueDate()).hasToString("2027-03-04");
            assertThat(changed.previousDueAt()).isEqualTo(OffsetDateTime.parse("2027-03-04T17:00:00+07:00"));
            assertThat(changed.dueDate()).hasToString("2027-03-05");
            assertThat(changed.dueAt()).isEqualTo(OffsetDateTime.parse("2027-03-05T17:00:00+07:00"));
            assertThat(changed.dueDateProvisional()).isFalse();
            assertThat(changed.dueDateChangeReason()).startsWith("calendar 2027 version ");
            assertThat(Dossiers.eventsOf(all, paused)).extracting(CloudEvent::type)
                    .containsExactly(EventTypes.RECEIVED, EventTypes.SUPPLEMENT_REQUESTED);
            assertThat(Dossiers.eventsOf(all, in2026)).extracting(CloudEvent::type)
                    .containsExactly(EventTypes.RECEIVED);
        }

        // Resumed: recomputed on the calendar in force, 9/3 closed.
        Dossiers.step(paused, "supplement-received", Map.of("receivedAt", "2027-03-08T09:00:00+07:00"))
                .statusCode(200).body("dueDate", equalTo("2027-03-11")).body("dueDateProvisional", equalTo(false));
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = Dossiers.eventsOf(
                    reader.until(all -> Dossiers.eventsOf(all, paused).size() >= 3), paused);
            assertThat(EventCodec.dossierData(events.get(2)).dueDateProvisional()).isFalse();
        }
    }

    /**
     * Wed 29/12/2027, three working days: Thu 30, Fri 31, then a day of January 2028, a year without schedule (no
     * test enters 2028): provisional. One counted within 2026 (shipped schedule) is not.
     */
    @Test
    void aDueDateCountedIntoAYearWithoutScheduleIsProvisional() {
        clock.set(OffsetDateTime.parse("2028-01-10T10:00:00+07:00").toInstant());
        Dossiers.post(Dossiers.direct(THREE_DAYS, "SADEC-P1", "2027-12-29T09:00:00+07:00")).statusCode(201)
                .body("dueDate", startsWith("2028-01-")).body("dueDateProvisional", equalTo(true));
        Dossiers.post(Dossiers.direct(THREE_DAYS, "SADEC-P1", "2026-12-01T09:00:00+07:00")).statusCode(201)
                .body("dueDateProvisional", equalTo(false));
    }

    @Test
    void badSchedulesAreRefusedByFieldAndChangeNothing() {
        refused(2029, Map.of("closedDays", List.of(day("2029-01-01"), day("2029-04-30"), day("2029-05-01"),
                day("2029-01-01"))), "closedDays[3].date");
        refused(2029, Map.of("closedDays", List.of(day("2029-01-01")),
                "workingSaturdays", List.of(day("2029-05-05"), day("2029-05-07"))), "workingSaturdays[1].date");
        refused(2029, Map.of("closedDays", List.of(day("2029-01-01")),
                "workingSaturdays", List.of(day("2029-01-01"))), "workingSaturdays[0].date");
        refused(2029, Map.of("closedDays", List.of(day("2028-12-29"))), "closedDays[0].date");
        refused(2029, Map.of("closedDays", List.of(day("2029-01-06"))), "closedDays[0].date");
        Dossiers.put("/api/calendar/1999", Map.of("closedDays", List.of())).statusCode(400)
                .body("errors.field", equalTo(List.of("year")));
        Dossiers.put("/api/calendar/2101", Map.of("closedDays", List.of())).statusCode(400)
                .body("errors.field", equalTo(List.of("year")));
        RestAssured.get("/api/calendar/2029").then().statusCode(200).body("official", equalTo(false));
    }

    private static void refused(int year, Map<String, Object> body, String field) {
        Dossiers.put("/api/calendar/" + year, new HashMap<>(body)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of(field)));
    }

    private static Map<String, Object> schedule2027() {
        return Map.of("closedDays", List.of(day("2027-01-01"), day("2027-03-03"), day("2027-03-09")),
                "workingSaturdays", List.of());
    }

    private static Map<String, String> day(String date) {
        return Map.of("date", date, "name", "Nghỉ");
    }
}
