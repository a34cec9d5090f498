package vn.motcua.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.api.Checks;
import vn.motcua.api.ProblemException;
import vn.motcua.security.Roles;
import vn.motcua.intake.app.CalendarChanges;
import vn.motcua.intake.app.CalendarService;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Days off: official schedules per year, and the province's own")
public class CalendarResource {

    private final CalendarService calendars;
    private final CalendarChanges changes;

    CalendarResource(CalendarService calendars, CalendarChanges changes) {
        this.calendars = calendars;
        this.changes = changes;
    }

    @PermitAll
    @GET
    @Path("/{year}")
    @Operation(description = Who.PUBLIC,
            summary = "The days off of a year: its official schedule, or the Labor Code rules' days")
    public CalendarYearView get(@PathParam("year") int year) {
        checkYear(year);
        WorkCalendar calendar = calendars.calculator().calendar();
        YearSchedule schedule = calendar.schedule(year);
        return new CalendarYearView(year, calendar.officialSchedule(year).isPresent(),
                days(schedule.closedDays()), days(schedule.workingSaturdays()), days(calendars.localDaysOff(year)));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{year}")
    @Operation(description = Who.ADMIN,
            summary = "Replace a year's official schedule (closed weekdays and working Saturdays); published as "
            + "calendar.changed, every intake instance computes with it; the due dates of open, running dossiers "
            + "counted across the year are recomputed (dossier.due-date-changed)")
    public CalendarYearView put(@PathParam("year") int year, CalendarYearView body) {
        checkYear(year);
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Checks checks = new Checks();
        checks.check(body.year() == null || body.year() == year, "year", "must match the year in the path");
        checks.require("closedDays", body.closedDays());
        List<CalendarYearView.Day> saturdays = body.workingSaturdays() == null ? List.of() : body.workingSaturdays();
        Set<LocalDate> seen = new HashSet<>();
        checkDays(checks, "closedDays", body.closedDays(), year, seen, false);
        checkDays(checks, "workingSaturdays", saturdays, year, seen, true);
        checks.throwIfInvalid();
        YearSchedule schedule;
        try {
            schedule = new YearSchedule(year, dayOffs(body.closedDays()), dayOffs(saturdays));
        } catch (IllegalArgumentException e) {
            // Checked above field by field; a rule of YearSchedule's that the checks do not know yet.
            throw ProblemException.invalid(e.getMessage().contains("Saturday ") ? "workingSaturdays" : "closedDays",
                    e.getMessage());
        }
        changes.replace(schedule);
        return get(year);
    }

    /**
     * Each day named by its index: a date, in the year, a weekday for a closed day, a Saturday for a working one,
     * and no date given twice in the two lists together.
     */
    private static void checkDays(Checks checks, String list, List<CalendarYearView.Day> days, int year,
                                  Set<LocalDate> seen, boolean saturdays) {
        if (days == null) {
            return;
        }
        for (int i = 0; i < days.size(); i++) {
            CalendarYearView.Day day = days.get(i);
            String field = list + "[" + i + "].date";
            if (day == null || day.date() == null) {
                checks.fail(field, "is required");
                continue;
            }
            LocalDate date = day.date();
            DayOfWeek dow = date.getDayOfWeek();
            if (date.getYear() != year) {
                checks.fail(field, date + " is not in " + year);
            } else if (saturdays && dow != DayOfWeek.SATURDAY) {
                checks.fail(field, date + " is a " + dow + ", not a Saturday");
            } else if (!saturdays && (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY)) {
                checks.fail(field, date + " is a " + dow + "; list only the weekdays on which offices close");
            } else if (!seen.add(date)) {
                checks.fail(field, date + " is given twice");
            }
        }
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
    }

    private static List<DayOff> dayOffs(List<CalendarYearView.Day> days) {
        return days.stream().map(day -> new DayOff(day.date(), day.name() == null ? "" : day.name())).toList();
    }

    private static List<CalendarYearView.Day> days(List<DayOff> days) {
        return days.stream().map(day -> new CalendarYearView.Day(day.date(), day.name())).toList();
    }
}
