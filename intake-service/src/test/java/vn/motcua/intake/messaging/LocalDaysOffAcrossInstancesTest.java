package vn.motcua.intake.messaging;

import vn.motcua.testkit.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.events.CloudEvent;
import vn.motcua.kafka.ConsumerLoopHealth;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.intake.CatalogueTopic;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.app.AnotherInstance;
import vn.motcua.intake.app.CalendarService;
import vn.motcua.intake.app.CatalogueUpdates;
import vn.motcua.intake.domain.CalendarChangedEvent;
import vn.motcua.intake.domain.VersionedSchedule;
import vn.motcua.testkit.InfrastructureResource;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A province's day off entered through one intake instance counts on every other one: through the catalogue topic,
 * not through the database they share. Years 2013 and 2012: no other test uses them.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class LocalDaysOffAcrossInstancesTest {

    private static final Duration CATALOGUE_DELAY = Duration.ofSeconds(5);
    private static final ProcessingTime THREE_WORKING_DAYS = ProcessingTime.workingDays(3);

    @Inject
    CatalogueUpdates catalogue;

    final Map<String, Object> kafkaAdmin = TestKafka.admin();

    /**
     * The second instance starts (its calendar from the database, then its own consumer on the topic) before the day
     * off exists, so only the topic can tell it; a third one starting afterwards reads it from the database. Mon 4/3/2013 09:00 plus three working days: Thu 7/3; with Tuesday
     * 5/3 off, Fri 8/3. Removed through the first instance, Thu 7/3 again on the second.
     */
    @Test
    void aDayOffAddedThroughOneInstanceMovesTheDueDatesOfAnother() {
        CalendarService second = AnotherInstance.startCalendarService();
        try (KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(KafkaClients.producerConfig(kafkaAdmin));
             EventConsumerLoop consumer = EventConsumerLoop.start("second-intake-catalogue",
                     KafkaClients.consumerConfig(kafkaAdmin, "intake-catalogue-" + UUID.randomUUID()),
                     List.of(CatalogueTopic.name()), new CatalogueEventHandler(catalogue, AnotherInstance.calendarChanges(second)),
                     new DeadLetters(deadLetters, "second-intake"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerLoopHealth.caughtUp(consumer));
            assertThat(dueDate(second, "2013-03-04T09:00:00+07:00")).isEqualTo("2013-03-07");

            int id = RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("from", "2013-03-05", "reason", "Lễ hội của tỉnh")).post("/api/calendar/days-off")
                    .then().statusCode(201).extract().path("id");
            await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(dueDate(second, "2013-03-04T09:00:00+07:00")).isEqualTo("2013-03-08"));
            assertThat(second.localDaysOff(2013))
                    .containsExactly(new DayOff(LocalDate.of(2013, 3, 5), "Lễ hội của tỉnh"));
            // An instance starting now finds it in the database before its consumer has read anything.
            assertThat(dueDate(AnotherInstance.startCalendarService(), "2013-03-04T09:00:00+07:00"))
                    .isEqualTo("2013-03-08");

            RestAssured.delete("/api/calendar/days-off/{id}", id).then().statusCode(204);
            await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(dueDate(second, "2013-03-04T09:00:00+07:00")).isEqualTo("2013-03-07"));
        }
    }

    /**
     * The other way round: another instance's day off, as its relay publishes it, counts here. Thu 1/3/2012 09:00
     * plus three working days: Tue 6/3; with Monday 5/3 off, Wed 7/3.
     */
    @Test
    void aDayOffPublishedByAnotherInstanceCountsHere() throws Exception {
        assertThat(dueDateHere("2012-03-01T09:00:00+07:00")).isEqualTo("2012-03-06");

        CatalogueTopic.publish(CalendarChangedEvent.of(URI.create("/motcua/intake-service"), OffsetDateTime.now(),
                new VersionedSchedule(2012, null, List.of(new DayOff(LocalDate.of(2012, 3, 5), "Lễ hội")), 1)), null);
        await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(dueDateHere("2012-03-01T09:00:00+07:00")).isEqualTo("2012-03-07"));
        RestAssured.get("/api/calendar/2012").then().body("official", equalTo(false))
                .body("localDaysOff.date", equalTo(List.of("2012-03-05")));
    }

    private static String dueDate(CalendarService instance, String receivedAt) {
        return instance.calculator().dueFor(OffsetDateTime.parse(receivedAt), THREE_WORKING_DAYS, null).dueDate()
                .toString();
    }

    private static String dueDateHere(String receivedAt) {
        return Dossiers.post(Dossiers.direct("1.004873", "SADEC", receivedAt)).statusCode(201).extract().path("dueDate");
    }
}
