package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.intake.domain.CalendarInForce;
import vn.motcua.intake.domain.VersionedSchedule;
import vn.motcua.intake.store.CalendarYear;
import vn.motcua.intake.store.CatalogueRows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deadline calculator in force: the Vietnamese calendar with the shipped schedules, overlaid with the years an
 * administrator entered and the province's own days off, as stored at startup and then as each committed change
 * arrives, from this instance's own change or from the catalogue topic (another instance's). Swapped whole, so
 * requests never see half of a change.
 */
@Startup
@ApplicationScoped
public class CalendarService {

    private final CatalogueRows rows;
    private final CatalogueEvents events;
    private volatile CalendarInForce inForce;
    /** The last calendar built from the database by {@link #calculatorAsStored}, while it differs from the one in force. */
    private volatile CalendarInForce asStored;

    CalendarService(CatalogueRows rows, CatalogueEvents events) {
        this.rows = rows;
        this.events = events;
    }

    @PostConstruct
    void load() {
        inForce = CalendarInForce.of(QuarkusTransaction.requiringNew().call(CalendarYear::stored));
    }

    public DeadlineCalculator calculator() {
        return inForce.calculator();
    }

    /**
     * The calculator of the calendar as the database holds it now: the one in force here when it has the same
     * versions, else one built from the stored years (an instance that has not yet put a committed change in force
     * must not count with the calendar before it). Call in a transaction, under the catalogue's change lock, so that
     * no change commits meanwhile.
     */
    DeadlineCalculator calculatorAsStored() {
        Map<Integer, Long> stored = CalendarYear.versions();
        CalendarInForce current = inForce;
        if (current.versions().equals(stored)) {
            return current.calculator();
        }
        CalendarInForce built = asStored;
        if (built == null || !built.versions().equals(stored)) {
            built = CalendarInForce.of(CalendarYear.stored());
            asStored = built;
        }
        return built.calculator();
    }

    /** The schedule entered for a year, as in force here; empty when none was. */
    Optional<YearSchedule> entered(int year) {
        return inForce.entered(year);
    }

    /** The province's days off of a year, as in force on this instance. */
    public List<DayOff> localDaysOff(int year) {
        return inForce.localDaysOff(year);
    }

    /**
     * Stores a year's schedule in place of the one before, one version up, with its {@code calendar.changed} in the
     * same transaction, and puts it in force here once that has committed. Every call publishes, even one that
     * changes nothing.
     */
    public VersionedSchedule replace(YearSchedule schedule) {
        VersionedSchedule stored = QuarkusTransaction.requiringNew().call(() -> {
            rows.lockForChange();
            CalendarYear year = rows.forChange(CalendarYear.class, schedule.year())
                    .orElseGet(() -> CalendarYear.create(schedule.year()));
            VersionedSchedule replaced = year.replace(schedule);
            events.calendarChanged(replaced);
            return replaced;
        });
        apply(stored);
        return stored;
    }

    /** A committed change of a year; false when the version in force is the same or newer (a repeat, old news). */
    public synchronized boolean apply(VersionedSchedule year) {
        return inForce.with(year).map(newer -> {
            inForce = newer;
            return true;
        }).orElse(false);
    }
}
