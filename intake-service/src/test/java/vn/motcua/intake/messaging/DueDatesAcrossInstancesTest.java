package vn.motcua.intake.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.TestClock;
import vn.motcua.intake.app.AnotherInstance;
import vn.motcua.intake.app.CalendarChanges;
import vn.motcua.intake.app.CalendarService;
import vn.motcua.intake.app.DueDateRecount;
import vn.motcua.intake.domain.VersionedSchedule;
import vn.motcua.intake.store.CalendarYear;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A schedule entered through one intake instance, seen by a second one on the same database: the due date moves
 * once, and the second instance, before or after it put the schedule in force, writes nothing. Year 2032: no other
 * test uses it.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class DueDatesAcrossInstancesTest {

    @Inject
    TestClock clock;

    @Inject
    DueDateRecount recount;

    @AfterEach
    void realTime() {
        clock.release();
    }

    /**
     * Mon 1/3/2032 09:00, three working days: Tue 2, Wed 3, Thu 4 March, provisional. Wed 3/3 closed by the schedule
     * entered here: Fri 5/3. The second instance started before the PUT: recounting with its own (older) calendar
     * would give Thu 4/3 back; it computes with the stored one, so it finds nothing to change, neither before it
     * applied the change nor after.
     */
    @Test
    void onlyOneInstanceWritesTheChangeAndAStaleOneCannotUndoIt() {
        clock.set(OffsetDateTime.parse("2032-03-15T10:00:00+07:00").toInstant());
        CalendarService second = AnotherInstance.startCalendarService();
        CalendarChanges secondChanges = AnotherInstance.calendarChanges(second);
        String code = Dossiers.post(Dossiers.direct("1.004873", "SADEC", "2032-03-01T09:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2032-03-04")).body("dueDateProvisional", equalTo(true))
                .extract().path("code");

        Dossiers.put("/api/calendar/2032", Map.of("closedDays", List.of(Map.of("date", "2032-01-01"),
                Map.of("date", "2032-03-03", "name", "Nghỉ")))).statusCode(200);
        RestAssured.get("/api/dossiers/{code}", code).then().body("dueDate", equalTo("2032-03-05"))
                .body("dueDateProvisional", equalTo(false));

        assertThat(AnotherInstance.recount(second).recountYear(2032, "stale")).isZero();
        VersionedSchedule year2032 = QuarkusTransaction.requiringNew().call(CalendarYear::stored).stream()
                .filter(year -> year.year() == 2032).findFirst().orElseThrow();
        assertThat(secondChanges.applied(year2032)).as("new to the second instance").isTrue();
        assertThat(secondChanges.applied(year2032)).as("a repeat").isFalse();
        assertThat(recount.recountYear(2032, "again")).isZero();
        RestAssured.get("/api/dossiers/{code}", code).then().body("dueDate", equalTo("2032-03-05"))
                .body("history.size()", equalTo(2));

        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            reader.until(all -> Dossiers.eventsOf(all, code).size() >= 2);
            assertThat(Dossiers.eventsOf(reader.settle(Duration.ofSeconds(2)), code)).extracting(CloudEvent::type)
                    .containsExactly(EventTypes.RECEIVED, EventTypes.DUE_DATE_CHANGED);
        }
    }
}
