package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The days off of a year. {@code official} is true when a government or province schedule is in force for the
 * year; otherwise the days are those the Labor Code 2019 rules give. {@code localDaysOff} close on top of either.
 */
public record CalendarYearView(
        @Schema(example = "2024") Integer year,
        @Schema(readOnly = true) Boolean official,
        List<Day> closedDays,
        List<Day> workingSaturdays,
        @Schema(readOnly = true, description = "The province's own days off in the year (any day of the week); "
                + "changed through /api/calendar/days-off") List<Day> localDaysOff) {

    public record Day(@Schema(example = "2024-04-29") LocalDate date, @Schema(example = "Nghỉ lễ 30/4, 1/5") String name) {
    }
}
