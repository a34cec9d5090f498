package vn.motcua.intake.app;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.intake.domain.VersionedSchedule;

import java.util.Optional;

/**
 * A year's official schedule changed: put it in force ({@link CalendarService}), then recompute the due dates it
 * moves ({@link DueDateRecount}). From a PUT on this instance, from another instance's {@code calendar.changed} on
 * the catalogue topic (a change of the province's days off alone moves no due date given), and at start for due
 * dates still provisional (a release may ship a year's schedule).
 */
@ApplicationScoped
public class CalendarChanges {

    private static final Logger LOG = Logger.getLogger(CalendarChanges.class);

    private final CalendarService calendars;
    private final DueDateRecount recount;

    CalendarChanges(CalendarService calendars, DueDateRecount recount) {
        this.calendars = calendars;
        this.recount = recount;
    }

    /** {@code PUT /api/calendar/{year}}: stored, published, in force here, and the due dates it moves recomputed. */
    public VersionedSchedule replace(YearSchedule schedule) {
        VersionedSchedule stored = calendars.replace(schedule);
        recount.recountYear(stored.year(), reason(stored));
        return stored;
    }

    /**
     * A committed change of a year, from the catalogue topic; false when it was old news here. When it changed the
     * year's official schedule, the due dates it moves are recomputed (on every instance: the database decides which
     * one writes each change).
     */
    public boolean applied(VersionedSchedule year) {
        Optional<YearSchedule> before = calendars.entered(year.year());
        if (!calendars.apply(year)) {
            return false;
        }
        if (!before.equals(year.entered())) {
            recount.recountYear(year.year(), reason(year));
        }
        return true;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            recount.recountProvisional();
        } catch (RuntimeException e) {
            LOG.warn("provisional due dates not recomputed at start", e);
        }
    }

    static String reason(VersionedSchedule year) {
        return "calendar " + year.year() + " version " + year.version();
    }
}
