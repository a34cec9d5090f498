package vn.motcua.intake.messaging;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.events.CalendarData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.intake.CatalogueTopic;
import vn.motcua.infra.DemoKafkaLogins;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.TopicReader;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every intake instance applies the catalogue changes it reads from the topic, whichever instance made them: the
 * events here are produced straight onto the topic, as another instance's relay would.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class CatalogueFromTopicTest {

    /** How soon another instance's change must count here. */
    private static final Duration CATALOGUE_DELAY = Duration.ofSeconds(5);
    private static final URI OTHER_INSTANCE = URI.create("/motcua/intake-service");

    @Inject
    DataSource dataSource;

    /**
     * 2019 has no official schedule in the suite and no other test uses it: Monday 4 March 2019 at 09:00 plus three
     * working days is Thursday 7 March; with Tuesday 5 March closed it is Friday 8 March. 2018 likewise: Thursday
     * 1 March plus three is Tuesday 6 March; with Monday 5 March closed, Wednesday 7 March.
     */
    @Test
    void aCalendarYearChangedElsewhereMovesTheDueDatesHereWithinFiveSeconds() throws Exception {
        assertThat(dueDate("2019-03-04T09:00:00+07:00")).isEqualTo("2019-03-07");

        RecordMetadata written = CatalogueTopic.publish(calendarChanged(2019, LocalDate.of(2019, 3, 5), 1000), null);
        await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(dueDate("2019-03-04T09:00:00+07:00")).isEqualTo("2019-03-08"));

        // Old news on the same partition (a repeat of an older version) changes nothing; a later change to another
        // year on that partition shows that it was read.
        CatalogueTopic.publish(calendarChanged(2019, null, 999), written.partition());
        CatalogueTopic.publish(calendarChanged(2018, LocalDate.of(2018, 3, 5), 1), written.partition());
        await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(dueDate("2018-03-01T09:00:00+07:00")).isEqualTo("2018-03-07"));
        assertThat(dueDate("2019-03-04T09:00:00+07:00")).isEqualTo("2019-03-08");
    }

    /**
     * Kafka is not open to whoever reaches it: a principal of the suite that may not write the catalogue (here
     * stats-service's) cannot put a forged calendar in force. Mon 1 March 2010 plus three working days stays Thu 4.
     */
    @Test
    void aCalendarFromAPrincipalThatMayNotWriteTheCatalogueIsRefusedAndChangesNothing() throws Exception {
        assertThat(dueDate("2010-03-01T09:00:00+07:00")).isEqualTo("2010-03-04");
        CloudEvent forged = calendarChanged(2010, LocalDate.of(2010, 3, 2), Long.MAX_VALUE);

        assertThatThrownBy(() -> CatalogueTopic.publishAs(DemoKafkaLogins.STATS, forged))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        try (TopicReader<CloudEvent> catalogue = CatalogueTopic.reader()) {
            assertThat(catalogue.settle(Duration.ofSeconds(2))).noneMatch(event -> event.id().equals(forged.id()));
        }
        assertThat(dueDate("2010-03-01T09:00:00+07:00")).isEqualTo("2010-03-04");
    }

    /** The database is shared: another instance wrote the change there, and its event makes this one forget its copy. */
    @Test
    void aProcedureChangedElsewhereCountsHereOnceItsEventArrives() throws Exception {
        Dossiers.put("/api/procedures/9.200001", Map.of("name", "Thủ tục thử", "field", "Thử",
                "processingTime", Map.of("amount", 2, "unit", "WORKING_DAYS"))).statusCode(200);
        // Received Tue 1/3/2022 08:00: due after 2 working days, then after 5.
        Map<String, Object> dossier = Dossiers.direct("9.200001", "SADEC", "2022-03-01T08:00:00+07:00");
        Dossiers.post(dossier).statusCode(201).body("dueDate", equalTo("2022-03-03"));

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE procedure SET processing_amount = 5, version = version + 1 WHERE code = '9.200001'");
        }
        Dossiers.post(dossier).statusCode(201).body("dueDate", equalTo("2022-03-03"));
        CatalogueTopic.publish(EventCodec.procedureChanged(OTHER_INSTANCE, OffsetDateTime.now(),
                new ProcedureData("9.200001", "Thủ tục thử", "Thử", new ProcedureData.ProcessingTime(5, "WORKING_DAYS"),
                        null, List.of(), 2)), null);

        await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Dossiers.post(dossier).statusCode(201).body("dueDate", equalTo("2022-03-08")));
    }

    /** A unit closed through another instance: once its unit.changed (with the history) arrives, receipt is refused. */
    @Test
    void aUnitClosedElsewhereRefusesReceiptHereOnceItsEventArrives() throws Exception {
        String unit = "CFT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Dossiers.put("/api/units/" + unit, Map.of("name", "Tổ thử", "parentCode", "SADEC")).statusCode(200);
        Map<String, Object> dossier = Dossiers.direct("1.004873", unit, "2022-03-01T08:00:00+07:00");
        Dossiers.post(dossier).statusCode(201);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO unit_state (unit_code, effective_from, name, parent_code, closed, "
                    + "successor_code) VALUES ('" + unit + "', DATE '2022-01-01', 'Tổ thử', 'SADEC', true, 'SADEC-P2')");
            sql.executeUpdate("UPDATE unit SET version = version + 1 WHERE code = '" + unit + "'");
        }
        CatalogueTopic.publish(EventCodec.unitChanged(OTHER_INSTANCE, OffsetDateTime.now(), new UnitData(unit,
                "Tổ thử", "SADEC", 2, List.of(UnitState.open(null, "Tổ thử", "SADEC"),
                new UnitState(LocalDate.of(2022, 1, 1), "Tổ thử", "SADEC", true, "SADEC-P2")))), null);

        await().atMost(CATALOGUE_DELAY).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Dossiers.post(dossier).statusCode(409).body("successorCode", equalTo("SADEC-P2")));
    }

    /** An event this instance cannot use goes to the dead-letter topic, and the consumer goes on. */
    @Test
    void aCalendarEventThatIsNoScheduleIsADeadLetter() throws Exception {
        CloudEvent saturdayClosed = EventCodec.calendarChanged(OTHER_INSTANCE, OffsetDateTime.now(), new CalendarData(2017,
                List.of(new CalendarData.Day(LocalDate.of(2017, 3, 4), "a Saturday")), List.of(), 1));
        CatalogueTopic.publish(saturdayClosed, null);
        try (TopicReader<CloudEvent> letters = CatalogueTopic.deadLetterReader()) {
            letters.until(all -> all.stream().anyMatch(event -> event.id().equals(saturdayClosed.id())));
        }
        Management.onManagementPort(() -> Readiness.assertUp(CatalogueConsumerReadiness.NAME));
    }

    /** The year's schedule as the Labor Code rules give it, with one more closed day (none when null). */
    private static CloudEvent calendarChanged(int year, LocalDate alsoClosed, long version) {
        List<CalendarData.Day> closed = new ArrayList<>(days(WorkCalendar.vietnam().schedule(year).closedDays()));
        if (alsoClosed != null) {
            closed.add(new CalendarData.Day(alsoClosed, "Nghỉ do tỉnh quyết định (thử nghiệm)"));
        }
        return EventCodec.calendarChanged(OTHER_INSTANCE, OffsetDateTime.now(), new CalendarData(year, closed,
                days(WorkCalendar.vietnam().schedule(year).workingSaturdays()), version));
    }

    private static List<CalendarData.Day> days(List<DayOff> days) {
        return days.stream().map(day -> new CalendarData.Day(day.date(), day.name())).toList();
    }

    private static String dueDate(String receivedAt) {
        return Dossiers.post(Dossiers.direct("1.004873", "SADEC", receivedAt)).statusCode(201).extract().path("dueDate");
    }
}
