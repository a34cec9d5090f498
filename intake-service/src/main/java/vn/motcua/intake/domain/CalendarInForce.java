package vn.motcua.intake.domain;

import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deadline calculator in force: the Vietnamese calendar with its shipped schedules, overlaid with the years
 * entered through intake, each with its version. Immutable: a change makes a new one, so a request never sees half
 * of a change. A year's schedule replaces the one in force only when its version is higher, so the same change
 * arriving twice (from this instance's PUT and from the topic) or an older one arriving late changes nothing.
 */
public final class CalendarInForce {

    private final WorkCalendar calendar;
    private final Map<Integer, Long> versions;
    private final DeadlineCalculator calculator;

    private CalendarInForce(WorkCalendar calendar, Map<Integer, Long> versions) {
        this.calendar = calendar;
        this.versions = Map.copyOf(versions);
        this.calculator = new DeadlineCalculator(calendar, OfficeHours.standard(), VietnamTime.ZONE);
    }

    public static CalendarInForce of(Collection<VersionedSchedule> stored) {
        WorkCalendar calendar = WorkCalendar.vietnam();
        Map<Integer, Long> versions = new HashMap<>();
        for (VersionedSchedule year : stored) {
            calendar = calendar.withSchedule(year.schedule());
            versions.put(year.year(), year.version());
        }
        return new CalendarInForce(calendar, versions);
    }

    /** The calendar with this year's schedule in force; empty when the version is not above the one in force. */
    public Optional<CalendarInForce> with(VersionedSchedule year) {
        if (year.version() <= version(year.year())) {
            return Optional.empty();
        }
        Map<Integer, Long> newer = new HashMap<>(versions);
        newer.put(year.year(), year.version());
        return Optional.of(new CalendarInForce(calendar.withSchedule(year.schedule()), newer));
    }

    /** 0 for a year never entered through intake. */
    public long version(int year) {
        return versions.getOrDefault(year, 0L);
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }
}
