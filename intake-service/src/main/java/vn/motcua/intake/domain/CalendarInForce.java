package vn.motcua.intake.domain;

import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.LocalDaysOff;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deadline calculator in force: the Vietnamese calendar with its shipped schedules, overlaid with what intake
 * keeps of each year (an entered schedule, the province's own days off), each year with its version. Immutable: a
 * change makes a new one, so a request never sees half of a change. A year replaces the one in force only when its
 * version is higher, so the same change arriving twice (from this instance's own change and from the topic) or an
 * older one arriving late changes nothing.
 */
public final class CalendarInForce {

    /** How the province's days off are named in {@link WorkCalendar#daysOff(int)}. */
    static final String REGION = "địa phương";

    private final Map<Integer, VersionedSchedule> years;
    private final DeadlineCalculator calculator;

    private CalendarInForce(Map<Integer, VersionedSchedule> years) {
        this.years = Map.copyOf(years);
        this.calculator = new DeadlineCalculator(calendarOf(new TreeMap<>(years).values()), OfficeHours.standard(),
                VietnamTime.ZONE);
    }

    public static CalendarInForce of(Collection<VersionedSchedule> stored) {
        Map<Integer, VersionedSchedule> years = new HashMap<>();
        stored.forEach(year -> years.put(year.year(), year));
        return new CalendarInForce(years);
    }

    /** The calendar with this year in force; empty when the version is not above the one in force. */
    public Optional<CalendarInForce> with(VersionedSchedule year) {
        if (year.version() <= version(year.year())) {
            return Optional.empty();
        }
        Map<Integer, VersionedSchedule> newer = new HashMap<>(years);
        newer.put(year.year(), year);
        return Optional.of(new CalendarInForce(newer));
    }

    /** 0 for a year never changed through intake. */
    public long version(int year) {
        VersionedSchedule kept = years.get(year);
        return kept == null ? 0 : kept.version();
    }

    /** The version of every year changed through intake. */
    public Map<Integer, Long> versions() {
        Map<Integer, Long> versions = new HashMap<>();
        years.forEach((year, kept) -> versions.put(year, kept.version()));
        return versions;
    }

    /** The schedule entered through intake for a year, as in force here; empty when none was. */
    public Optional<YearSchedule> entered(int year) {
        VersionedSchedule kept = years.get(year);
        return kept == null ? Optional.empty() : kept.entered();
    }

    /** The province's days off of a year, as in force here. */
    public List<DayOff> localDaysOff(int year) {
        VersionedSchedule kept = years.get(year);
        return kept == null ? List.of() : kept.localDaysOff();
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    /**
     * Built from the shipped calendar every time rather than on top of the one before: a local day off that is
     * removed must leave the day as the schedule beneath has it. Changes are rare; a build takes milliseconds.
     */
    private static WorkCalendar calendarOf(Collection<VersionedSchedule> years) {
        WorkCalendar calendar = WorkCalendar.vietnam();
        for (VersionedSchedule year : years) {
            if (year.schedule() != null) {
                calendar = calendar.withSchedule(year.schedule());
            }
        }
        List<DayOff> local = years.stream().flatMap(year -> year.localDaysOff().stream()).toList();
        return local.isEmpty() ? calendar : calendar.withLocalDaysOff(new LocalDaysOff(REGION, local));
    }
}
