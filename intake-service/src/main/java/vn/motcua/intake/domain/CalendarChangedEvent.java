package vn.motcua.intake.domain;

import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.events.CalendarData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.MalformedEventException;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year's {@code calendar.changed} as intake writes and reads it (docs/contracts.md, "Catalogue events"). A year
 * without an entered schedule still restates the schedule that governs it (shipped file or Labour Code rules) in
 * {@code closedDays} and {@code workingSaturdays}, with {@code scheduleEntered: false}, so that a reader that knows
 * only those two lists counts the same working days.
 */
public final class CalendarChangedEvent {

    private CalendarChangedEvent() {
    }

    public static CloudEvent of(URI source, OffsetDateTime time, VersionedSchedule year) {
        YearSchedule schedule = year.entered().orElseGet(() -> WorkCalendar.vietnam().schedule(year.year()));
        return EventCodec.calendarChanged(source, time, new CalendarData(year.year(),
                days(schedule.closedDays()), days(schedule.workingSaturdays()), year.version(),
                year.entered().isPresent(), days(year.localDaysOff())));
    }

    /** @throws MalformedEventException when the event is no calendar year intake can put in force */
    public static VersionedSchedule read(CloudEvent event) {
        CalendarData data = EventCodec.calendarData(event);
        try {
            YearSchedule schedule = data.entered() ? new YearSchedule(data.year(),
                    dayOffs(data.closedDays()), dayOffs(data.workingSaturdays())) : null;
            return new VersionedSchedule(data.year(), schedule, dayOffs(data.localDaysOffOrNone()), data.version());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + ": not a calendar of its year: "
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
