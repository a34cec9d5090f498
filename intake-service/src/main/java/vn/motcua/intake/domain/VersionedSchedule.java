package vn.motcua.intake.domain;

import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.YearSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What intake keeps of a calendar year, with the version of its last committed change: the official schedule an
 * administrator entered, and the province's own days off in that year. As stored, as published in
 * {@code calendar.changed} ({@link CalendarChangedEvent}), and as read back from the catalogue topic.
 *
 * @param schedule     the schedule entered through intake; null when none was, and the shipped file or the Labor
 *                     Code rules govern the year
 * @param localDaysOff the province's days off in the year, one per date, sorted; any day of the week
 */
public record VersionedSchedule(int year, YearSchedule schedule, List<DayOff> localDaysOff, long version) {

    public VersionedSchedule {
        if (schedule != null && schedule.year() != year) {
            throw new IllegalArgumentException("a schedule of " + schedule.year() + " given for " + year);
        }
        List<DayOff> days = new ArrayList<>(Objects.requireNonNull(localDaysOff, "localDaysOff"));
        days.sort(null);
        for (int i = 0; i < days.size(); i++) {
            DayOff day = Objects.requireNonNull(days.get(i), "local day off");
            if (day.date().getYear() != year) {
                throw new IllegalArgumentException("local day off " + day.date() + " is not in " + year);
            }
            if (i > 0 && day.date().equals(days.get(i - 1).date())) {
                throw new IllegalArgumentException("local day off " + day.date() + " is listed twice");
            }
        }
        localDaysOff = List.copyOf(days);
    }

    /** A year whose schedule was entered, without local days off. */
    public VersionedSchedule(YearSchedule schedule, long version) {
        this(schedule.year(), schedule, List.of(), version);
    }

    public Optional<YearSchedule> entered() {
        return Optional.ofNullable(schedule);
    }
}
