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
import vn.motcua.intake.app.CalendarService;

import java.util.List;

@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Days off: official schedules per year, and the province's own")
public class CalendarResource {

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
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
            + "calendar.changed, every intake instance computes with it")
    public CalendarYearView put(@PathParam("year") int year, CalendarYearView body) {
        checkYear(year);
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Checks checks = new Checks();
        checks.check(body.year() == null || body.year() == year, "year", "must match the year in the path");
        checks.require("closedDays", body.closedDays());
        List<CalendarYearView.Day> saturdays = body.workingSaturdays() == null ? List.of() : body.workingSaturdays();
        checkDays(checks, "closedDays", body.closedDays());
        checkDays(checks, "workingSaturdays", saturdays);
        checks.throwIfInvalid();
        YearSchedule schedule;
        try {
            schedule = new YearSchedule(year, dayOffs(body.closedDays()), dayOffs(saturdays));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage().contains("Saturday ") ? "workingSaturdays" : "closedDays",
                    e.getMessage());
        }
        calendars.replace(schedule);
        return get(year);
    }

    private static void checkDays(Checks checks, String field, List<CalendarYearView.Day> days) {
        if (days == null) {
            return;
        }
        for (int i = 0; i < days.size(); i++) {
            CalendarYearView.Day day = days.get(i);
            checks.check(day != null && day.date() != null, field + "[" + i + "].date", "is required");
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
