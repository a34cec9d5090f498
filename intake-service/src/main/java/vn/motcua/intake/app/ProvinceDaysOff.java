package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.Checks;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.domain.DayOffRange;
import vn.motcua.intake.domain.VersionedSchedule;
import vn.motcua.intake.store.CalendarYear;
import vn.motcua.intake.store.CatalogueRows;
import vn.motcua.intake.store.LocalDayOff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The province's own days off (ngày nghỉ của địa phương): each range added or removed is stored, and every year it
 * touches goes one version up and is published whole as {@code calendar.changed}, in one transaction under the
 * catalogue lock; once committed it is in force here, and on every other instance when its event arrives. Due dates
 * of dossiers received from then on count it; deadlines already given do not change.
 */
@ApplicationScoped
public class ProvinceDaysOff {

    private final CalendarService calendars;
    private final CatalogueRows rows;
    private final CatalogueEvents events;

    ProvinceDaysOff(CalendarService calendars, CatalogueRows rows, CatalogueEvents events) {
        this.calendars = calendars;
        this.rows = rows;
        this.events = events;
    }

    /** @param to null for a single day */
    public DayOffRange add(LocalDate from, LocalDate to, String reason) {
        LocalDate last = to == null ? from : to;
        Checks checks = new Checks();
        checks.require("from", from).require("reason", reason).maxLength("reason", reason, DayOffRange.MAX_REASON);
        checkSupported(checks, "from", from);
        checkSupported(checks, "to", to);
        if (!checks.has("from") && !checks.has("to")) {
            checks.check(!last.isBefore(from), "to", "must not be before from (" + from + ")");
            checks.check(last.isBefore(from) || last.toEpochDay() - from.toEpochDay() < DayOffRange.MAX_DAYS, "to",
                    "a range holds at most " + DayOffRange.MAX_DAYS + " days; enter a longer closure as several");
        }
        checks.throwIfInvalid();
        Change change = QuarkusTransaction.requiringNew().call(() -> {
            rows.lockForChange();
            DayOffRange added = LocalDayOff.add(from, last, reason.strip());
            return new Change(added, publishYears(added));
        });
        change.years().forEach(calendars::apply);
        return change.range();
    }

    /** @throws ProblemException 404 when there is no such range */
    public void remove(long id) {
        Change change = QuarkusTransaction.requiringNew().call(() -> {
            rows.lockForChange();
            DayOffRange removed = LocalDayOff.remove(id)
                    .orElseThrow(() -> ProblemException.notFound("Local day off " + id));
            return new Change(removed, publishYears(removed));
        });
        change.years().forEach(calendars::apply);
    }

    public DayOffRange get(long id) {
        return LocalDayOff.find(id).orElseThrow(() -> ProblemException.notFound("Local day off " + id));
    }

    /** @param year null for every range */
    public List<DayOffRange> list(Integer year) {
        if (year != null) {
            checkYear(year);
        }
        return LocalDayOff.ranges(year);
    }

    private List<VersionedSchedule> publishYears(DayOffRange range) {
        List<VersionedSchedule> changed = new ArrayList<>();
        for (int year : range.years()) {
            CalendarYear stored = rows.forChange(CalendarYear.class, year).orElseGet(() -> CalendarYear.create(year));
            VersionedSchedule state = stored.localDaysOffChanged();
            events.calendarChanged(state);
            changed.add(state);
        }
        return changed;
    }

    private static void checkSupported(Checks checks, String field, LocalDate date) {
        if (date != null) {
            checks.check(!date.isBefore(DayOffRange.FIRST_DAY) && !date.isAfter(DayOffRange.LAST_DAY), field,
                    "must lie between " + DayOffRange.FIRST_DAY + " and " + DayOffRange.LAST_DAY);
        }
    }

    private static void checkYear(int year) {
        if (year < DayOffRange.FIRST_DAY.getYear() || year > DayOffRange.LAST_DAY.getYear()) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
    }

    private record Change(DayOffRange range, List<VersionedSchedule> years) {
    }
}
