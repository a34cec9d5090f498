package vn.motcua.intake.domain;

import vn.motcua.calendar.WorkCalendar;

import java.time.LocalDate;

/** Local rule for the apology (form 04): sent on the due date, or one working day before. */
public enum ApologyDeadline {
    DUE_DATE,
    ONE_WORKING_DAY_BEFORE;

    /** The last day on which an apology for a dossier due on {@code dueDate} counts as sent in time. */
    public LocalDate lastDay(LocalDate dueDate, WorkCalendar calendar) {
        LocalDate last = dueDate;
        if (this == ONE_WORKING_DAY_BEFORE) {
            // the working day before the due date: a few steps back at most, across a weekend or Tết
            do {
                last = last.minusDays(1);
            } while (!calendar.isWorkingDay(last));
        }
        return last;
    }
}
