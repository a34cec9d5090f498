package vn.motcua.events;

import vn.motcua.calendar.Timeliness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden fixtures: each event type built in code must serialise to exactly the committed JSON, and the JSON must
 * read back to the same event. A change to the contract therefore shows as a change to a fixture in review.
 */
class GoldenEventsTest {

    private static final URI INTAKE = URI.create("/motcua/intake-service");
    private static final URI DEADLINE = URI.create("/motcua/deadline-service");
    private static final String CODE = "000.00.19.H23-220105-0001";

    static Stream<Arguments> events() {
        return Stream.of(
                golden(EventTypes.RECEIVED, 1, "2022-01-05T08:30:00+07:00",
                        dossier(1, "2022-01-10", null, null, null, null, null, null, null, null)),
                golden(EventTypes.SUPPLEMENT_REQUESTED, 2, "2022-01-06T10:00:00+07:00",
                        dossier(2, "2022-01-10", t("2022-01-06T10:00:00+07:00"), 2, null, null, null, null, null, null)),
                golden(EventTypes.SUPPLEMENT_RECEIVED, 3, "2022-01-12T09:00:00+07:00",
                        dossier(3, "2022-01-14", null, null, t("2022-01-12T09:00:00+07:00"), null, null, null, null, null)),
                golden(EventTypes.APOLOGY_ISSUED, 4, "2022-01-14T15:00:00+07:00",
                        dossier(4, "2022-01-14", null, null, null, t("2022-01-18T17:00:00+07:00"), null, null, null, null)),
                // 5 working days of handling: 9 after the start day 5/1 up to 18/1, less 7/1-12/1 waiting for the
                // supplement (intake-service's domain.HandlingTime, docs/time-and-counting.md "Handling time").
                golden(EventTypes.RESOLVED, 5, "2022-01-18T16:00:00+07:00",
                        withResult(dossier(5, "2022-01-14", null, null, null, null, t("2022-01-18T16:00:00+07:00"),
                                Decision.APPROVED, Timeliness.LATE, null), ResultDelivery.ELECTRONIC, 5)),
                // The schedule of 2022 as entered again (version 4) closes 10/1: the due date moves a working day on.
                golden(EventTypes.DUE_DATE_CHANGED, 13, "2022-01-07T11:00:00+07:00",
                        dueDateChanged(dossier(2, "2022-01-11", null, null, null, null, null, null, null, null),
                                "2022-01-10", "calendar 2022 version 4")),
                golden(EventTypes.WITHDRAWN, 6, "2022-01-07T09:00:00+07:00",
                        dossier(2, "2022-01-10", null, null, null, null, null, null, null, t("2022-01-07T09:00:00+07:00"))),
                alert(EventTypes.DUE_SOON, 7, "2022-01-14T07:30:00+07:00",
                        new AlertData(CODE, "SADEC", "1.001612", LocalDate.parse("2022-01-14"),
                                t("2022-01-14T17:00:00+07:00"), null, 3)),
                alert(EventTypes.OVERDUE, 8, "2022-01-14T17:00:01+07:00",
                        new AlertData(CODE, "SADEC", "1.001612", LocalDate.parse("2022-01-14"),
                                t("2022-01-14T17:00:00+07:00"), null, 3)),
                alert(EventTypes.APPOINTMENT_MISSED, 9, "2022-01-18T17:00:01+07:00",
                        new AlertData(CODE, "SADEC", "1.001612", LocalDate.parse("2022-01-14"),
                                t("2022-01-18T17:00:00+07:00"), t("2022-01-18T17:00:00+07:00"), 4)),
                // The ward as it stood since always, then dissolved into phường Sa Đéc on 1/7/2025.
                catalogue(10, EventCodec.unitChanged(INTAKE, t("2025-06-20T08:00:00+07:00"),
                        new UnitData("SADEC-P1", "UBND Phường 1", "SADEC", 3, List.of(
                                UnitState.open(null, "UBND Phường 1", "SADEC"),
                                new UnitState(LocalDate.parse("2025-07-01"), "UBND Phường 1", "SADEC", true,
                                        "SADEC-PSD"))))),
                // Its open dossier, handled by the successor from 1/7/2025 00:00; the due date is unchanged.
                golden(EventTypes.TRANSFERRED, 14, "2025-07-01T00:00:05+07:00",
                        transferred(dossier(3, "2022-01-10", null, null, null, null, null, null, null, null),
                                "SADEC-P1", "SADEC-PSD", "2025-07-01T00:00:00+07:00")),
                catalogue(11, EventCodec.procedureChanged(INTAKE, t("2022-01-03T08:00:00+07:00"),
                        new ProcedureData("1.001612", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh",
                                new ProcedureData.ProcessingTime(3, "WORKING_DAYS"), LocalTime.of(15, 0), List.of(3, 4), 1))),
                catalogue(12, EventCodec.calendarChanged(INTAKE, t("2022-01-03T08:00:00+07:00"),
                        new CalendarData(2022, List.of(new CalendarData.Day(LocalDate.parse("2022-01-03"), "Tết Dương lịch (nghỉ bù)"),
                                new CalendarData.Day(LocalDate.parse("2022-04-11"), "Giỗ Tổ Hùng Vương (nghỉ bù)")),
                                List.of(), 3, true,
                                List.of(new CalendarData.Day(LocalDate.parse("2022-03-14"), "Ngày nghỉ riêng của tỉnh"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void codeAndFixtureAgree(String type, CloudEvent built) throws IOException {
        byte[] fixture = fixture(type);
        JsonNode expected = EventCodec.mapper().readTree(fixture);

        assertThat(EventCodec.mapper().readTree(EventCodec.write(built))).isEqualTo(expected);
        CloudEvent read = EventCodec.read(fixture);
        // JsonNode equality is strict on numeric node types (int vs long), so data is compared as typed records.
        assertThat(read).usingRecursiveComparison().ignoringFields("data").isEqualTo(built);
        assertThat(EventCodec.mapper().readTree(EventCodec.write(read))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void typedDataReadsBack(String type, CloudEvent built) throws IOException {
        CloudEvent read = EventCodec.read(fixture(type));
        if (read.isDossierEvent()) {
            assertThat(EventCodec.dossierData(read)).isEqualTo(EventCodec.dossierData(built));
            assertThat(EventCodec.dossierData(read).receivedAt().getOffset().getId()).isEqualTo("+07:00");
        } else if (read.isCatalogueEvent()) {
            assertThat(catalogueData(read)).isEqualTo(catalogueData(built));
            assertThat(read.subject()).startsWith(read.type().substring(0, read.type().indexOf('.')) + ":");
        } else {
            assertThat(read.isAlert()).isTrue();
            assertThat(EventCodec.alertData(read)).isEqualTo(EventCodec.alertData(built));
        }
    }

    private static Arguments golden(String type, int id, String time, DossierData data) {
        CloudEvent event = EventCodec.dossierEvent(type, INTAKE, t(time), data);
        return Arguments.of(type, withId(event, id));
    }

    private static Arguments alert(String type, int id, String time, AlertData data) {
        return Arguments.of(type, withId(EventCodec.alert(type, DEADLINE, t(time), data), id));
    }

    private static Arguments catalogue(int id, CloudEvent event) {
        return Arguments.of(event.type(), withId(event, id));
    }

    private static Object catalogueData(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.UNIT_CHANGED -> EventCodec.unitData(event);
            case EventTypes.PROCEDURE_CHANGED -> EventCodec.procedureData(event);
            default -> EventCodec.calendarData(event);
        };
    }

    private static CloudEvent withId(CloudEvent e, int id) {
        UUID fixed = UUID.fromString(String.format("00000000-0000-4000-8000-%012d", id));
        return new CloudEvent(e.specversion(), fixed, e.source(), e.type(), e.time(), e.subject(), e.datacontenttype(),
                e.data());
    }

    private static DossierData dossier(long sequence, String dueDate, OffsetDateTime requestedAt, Integer remaining,
                                       OffsetDateTime supplementReceivedAt, OffsetDateTime newAppointmentAt,
                                       OffsetDateTime resolvedAt, Decision decision, Timeliness timeliness,
                                       OffsetDateTime withdrawnAt) {
        return new DossierData(CODE, "SADEC", "1.001612", Channel.ONLINE, 4, t("2022-01-05T08:30:00+07:00"),
                LocalDate.parse(dueDate), t(dueDate + "T17:00:00+07:00"), sequence, requestedAt, remaining,
                supplementReceivedAt, newAppointmentAt, resolvedAt, decision, timeliness, withdrawnAt);
    }

    private static DossierData dueDateChanged(DossierData d, String previousDueDate, String reason) {
        return new DossierData(d.dossierCode(), d.unitCode(), d.procedureCode(), d.channel(), d.onlineLevel(),
                d.receivedAt(), d.dueDate(), d.dueAt(), d.sequence(), d.requestedAt(), d.remainingWorkingDays(),
                d.supplementReceivedAt(), d.newAppointmentAt(), d.resolvedAt(), d.decision(), d.timeliness(),
                d.withdrawnAt(), null, null, false, LocalDate.parse(previousDueDate),
                t(previousDueDate + "T17:00:00+07:00"), reason);
    }

    private static DossierData transferred(DossierData d, String from, String to, String at) {
        return new DossierData(d.dossierCode(), to, d.procedureCode(), d.channel(), d.onlineLevel(),
                d.receivedAt(), d.dueDate(), d.dueAt(), d.sequence(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, from, from, t(at));
    }

    private static DossierData withResult(DossierData d, ResultDelivery delivery, int handlingWorkingDays) {
        return new DossierData(d.dossierCode(), d.unitCode(), d.procedureCode(), d.channel(), d.onlineLevel(),
                d.receivedAt(), d.dueDate(), d.dueAt(), d.sequence(), d.requestedAt(), d.remainingWorkingDays(),
                d.supplementReceivedAt(), d.newAppointmentAt(), d.resolvedAt(), d.decision(), d.timeliness(),
                d.withdrawnAt(), delivery, handlingWorkingDays);
    }

    private static OffsetDateTime t(String iso) {
        return OffsetDateTime.parse(iso);
    }

    private static byte[] fixture(String type) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            assertThat(in).as("fixture for %s", type).isNotNull();
            return in.readAllBytes();
        }
    }
}
