package vn.motcua.calendar;

import java.time.LocalDate;

/** The years the calendar answers for; anything else is rejected rather than guessed. */
final class SupportedYears {

    static final int FIRST = 2000;
    static final int LAST = 2100;
    static final LocalDate FIRST_DAY = LocalDate.of(FIRST, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(LAST, 12, 31);

    private SupportedYears() {
    }

    static int check(int year) {
        if (year < FIRST || year > LAST) {
            throw new IllegalArgumentException(
                    "year " + year + " is outside the supported range " + FIRST + "–" + LAST);
        }
        return year;
    }

    static LocalDate check(LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("date " + date + " is outside the supported range "
                    + FIRST_DAY + " – " + LAST_DAY);
        }
        return date;
    }
}
