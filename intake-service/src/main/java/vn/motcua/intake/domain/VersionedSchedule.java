package vn.motcua.intake.domain;

import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.events.CalendarData;

import java.util.List;

/**
 * A year's official schedule with the version of its last committed change: as stored, as published in
 * {@code calendar.changed}, and as read back from the catalogue topic.
 */
public record VersionedSchedule(YearSchedule schedule, long version) {

    public int year() {
        return schedule.year();
    }

    public CalendarData data() {
        return new CalendarData(schedule.year(), days(schedule.closedDays()), days(schedule.workingSaturdays()),
                version);
    }

    /** @throws IllegalArgumentException when the days do not make a schedule of that year */
    public static VersionedSchedule of(CalendarData data) {
        return new VersionedSchedule(new YearSchedule(data.year(), dayOffs(data.closedDays()),
                dayOffs(data.workingSaturdays())), data.version());
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
