package vn.motcua.intake.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.events.CalendarData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.MalformedEventException;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarChangedEventTest {

    private static final URI SOURCE = URI.create("/motcua/intake-service");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");
    private static final List<DayOff> FESTIVAL = List.of(new DayOff(LocalDate.of(2023, 1, 7), "Lễ hội (thứ Bảy)"),
            new DayOff(LocalDate.of(2023, 3, 6), "Lễ hội Hoa"));

    @Test
    void anEnteredScheduleAndItsLocalDaysOffGoOutAndComeBackWhole() {
        VersionedSchedule year = new VersionedSchedule(2023, YearSchedule.of(2023, List.of(LocalDate.of(2023, 1, 2)),
                List.of()), FESTIVAL, 4);
        CloudEvent event = CalendarChangedEvent.of(SOURCE, NOW, year);

        CloudEvent delivered = EventCodec.read(EventCodec.write(event));
        assertThat(CalendarChangedEvent.read(delivered)).isEqualTo(year);
        assertThat(delivered.subject()).isEqualTo("calendar:2023");
        assertThat(delivered.data().get("scheduleEntered").booleanValue()).isTrue();
        assertThat(delivered.data().get("localDaysOff").get(1).get("date").asText()).isEqualTo("2023-03-06");
    }

    /** A reader that knows only CalendarData still counts the year's working days right: the governing schedule. */
    @Test
    void aYearWithLocalDaysOffOnlyRestatesTheScheduleThatGovernsIt() {
        VersionedSchedule year = new VersionedSchedule(2023, null, FESTIVAL, 1);
        CloudEvent delivered = EventCodec.read(EventCodec.write(CalendarChangedEvent.of(SOURCE, NOW, year)));

        YearSchedule shipped = WorkCalendar.vietnam().schedule(2023);
        CalendarData data = EventCodec.calendarData(delivered);
        assertThat(data.closedDays()).extracting(CalendarData.Day::date).containsExactlyElementsOf(shipped.closedDates());
        assertThat(delivered.data().get("scheduleEntered").booleanValue()).isFalse();
        assertThat(CalendarChangedEvent.read(delivered)).isEqualTo(year);
    }

    /** Every calendar.changed before the two fields existed was an entered schedule without local days off. */
    @Test
    void anEventWithoutTheNewFieldsIsAnEnteredScheduleWithoutLocalDaysOff() {
        CloudEvent old = EventCodec.calendarChanged(SOURCE, NOW, new CalendarData(2023,
                List.of(new CalendarData.Day(LocalDate.of(2023, 1, 2), "Tết")), List.of(), 2));
        assertThat(CalendarChangedEvent.read(old)).isEqualTo(new VersionedSchedule(
                new YearSchedule(2023, List.of(new DayOff(LocalDate.of(2023, 1, 2), "Tết")), List.of()), 2));
    }

    @Test
    void unusableNewFieldsMakeTheEventMalformed() {
        assertThatThrownBy(() -> CalendarChangedEvent.read(with("scheduleEntered", "\"no\"")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CalendarChangedEvent.read(with("localDaysOff", "{\"date\": \"2023-01-01\"}")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CalendarChangedEvent.read(with("localDaysOff", "[{\"date\": \"2024-01-01\"}]")))
                .as("a day of another year").isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CalendarChangedEvent.read(with("localDaysOff", "[{\"name\": \"no date\"}]")))
                .isInstanceOf(MalformedEventException.class);
    }

    private static CloudEvent with(String field, String json) throws Exception {
        CloudEvent event = CalendarChangedEvent.of(SOURCE, NOW, new VersionedSchedule(2023, null, List.of(), 1));
        ((ObjectNode) event.data()).set(field, EventCodec.mapper().readTree(json));
        return EventCodec.read(EventCodec.write(event));
    }
}
