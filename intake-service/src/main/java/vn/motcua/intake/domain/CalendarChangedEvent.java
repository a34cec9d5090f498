package vn.motcua.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.events.CalendarData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.MalformedEventException;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A year's {@code calendar.changed} as intake writes and reads it (docs/contracts.md, "Catalogue events"): the
 * {@link CalendarData} fields, plus two optional ones that {@code CalendarData} does not type yet, written into the
 * event's {@code data} and read from it here only:
 * <ul>
 *   <li>{@code scheduleEntered}: false when no schedule was entered for the year; {@code closedDays} and
 *       {@code workingSaturdays} then restate the schedule that governs it (shipped file or Labor Code rules), so a
 *       reader that knows only {@code CalendarData} still counts the same working days. Absent: true, as in every
 *       event written before the field existed;</li>
 *   <li>{@code localDaysOff}: {@code [{date, name}]}, the province's own days off in the year. Absent: none.</li>
 * </ul>
 */
public final class CalendarChangedEvent {

    static final String SCHEDULE_ENTERED = "scheduleEntered";
    static final String LOCAL_DAYS_OFF = "localDaysOff";

    private CalendarChangedEvent() {
    }

    public static CloudEvent of(URI source, OffsetDateTime time, VersionedSchedule year) {
        YearSchedule schedule = year.entered().orElseGet(() -> WorkCalendar.vietnam().schedule(year.year()));
        CloudEvent event = EventCodec.calendarChanged(source, time, new CalendarData(year.year(),
                days(schedule.closedDays()), days(schedule.workingSaturdays()), year.version()));
        ObjectNode data = (ObjectNode) event.data();
        data.put(SCHEDULE_ENTERED, year.entered().isPresent());
        data.set(LOCAL_DAYS_OFF, EventCodec.mapper().valueToTree(days(year.localDaysOff())));
        return event;
    }

    /** @throws MalformedEventException when the event is no calendar year intake can put in force */
    public static VersionedSchedule read(CloudEvent event) {
        CalendarData data = EventCodec.calendarData(event);
        try {
            YearSchedule schedule = scheduleEntered(event) ? new YearSchedule(data.year(),
                    dayOffs(data.closedDays()), dayOffs(data.workingSaturdays())) : null;
            return new VersionedSchedule(data.year(), schedule, localDaysOff(event), data.version());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + ": not a calendar of its year: "
                    + e.getMessage(), e);
        }
    }

    private static boolean scheduleEntered(CloudEvent event) {
        JsonNode entered = event.data().get(SCHEDULE_ENTERED);
        if (entered == null || entered.isNull()) {
            return true;
        }
        if (!entered.isBoolean()) {
            throw new MalformedEventException("event " + event.id() + ": data." + SCHEDULE_ENTERED + " is no boolean");
        }
        return entered.booleanValue();
    }

    private static List<DayOff> localDaysOff(CloudEvent event) {
        JsonNode days = event.data().get(LOCAL_DAYS_OFF);
        if (days == null || days.isNull()) {
            return List.of();
        }
        if (!(days instanceof ArrayNode)) {
            throw new MalformedEventException("event " + event.id() + ": data." + LOCAL_DAYS_OFF + " is no list");
        }
        try {
            return dayOffs(Arrays.asList(EventCodec.mapper().treeToValue(days, CalendarData.Day[].class)));
        } catch (IOException e) {
            throw new MalformedEventException("event " + event.id() + ": unreadable data." + LOCAL_DAYS_OFF + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<CalendarData.Day> days(List<DayOff> days) {
        return days.stream().map(day -> new CalendarData.Day(day.date(), day.name())).toList();
    }

    private static List<DayOff> dayOffs(List<CalendarData.Day> days) {
        if (days == null) {
            return List.of();
        }
        return days.stream().map(day -> {
            if (day == null || day.date() == null) {
                throw new IllegalArgumentException("a day without a date");
            }
            return new DayOff(day.date(), day.name());
        }).toList();
    }
}
