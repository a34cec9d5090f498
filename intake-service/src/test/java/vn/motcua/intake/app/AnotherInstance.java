package vn.motcua.intake.app;

import io.quarkus.arc.Arc;
import vn.motcua.intake.store.CatalogueRows;
import vn.motcua.intake.store.OutboxRows;

import java.time.Clock;

/**
 * The calendar of a second intake instance on the same database: a {@link CalendarService} of its own, loaded from
 * the database as at its start, fed afterwards only by what its own catalogue consumer hands it.
 */
public final class AnotherInstance {

    private AnotherInstance() {
    }

    /** What the other instance's catalogue consumer hands a calendar change to: its calendar, the one recount. */
    public static CalendarChanges calendarChanges(CalendarService calendars) {
        return new CalendarChanges(calendars, Arc.container().instance(DueDateRecount.class).get());
    }

    /** The other instance's recount, computing (it should) with the calendar as stored, not its own. */
    public static DueDateRecount recount(CalendarService calendars) {
        return new DueDateRecount(calendars, Arc.container().instance(CatalogueRows.class).get(),
                Arc.container().instance(OutboxRows.class).get(), Arc.container().instance(Clock.class).get());
    }

    public static CalendarService startCalendarService() {
        CalendarService calendars = new CalendarService(Arc.container().instance(CatalogueRows.class).get(),
                Arc.container().instance(CatalogueEvents.class).get());
        calendars.load();
        return calendars;
    }
}
