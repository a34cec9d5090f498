package vn.motcua.calendar;

import java.time.LocalDate;

/**
 * The day index behind every answer: for each day of 2000–2100, how many working days come before it, and the list
 * of working days in order. Built once (about 37,000 days); afterwards every question is one or two array reads.
 */
final class WorkingDayIndex {

    private final long firstEpochDay;
    /** workingBefore[i] = number of working days in [first day, first day + i). Length days + 1. */
    private final int[] workingBefore;
    /** Epoch-day offsets (from the first day) of the working days, ascending. */
    private final int[] workingDays;

    WorkingDayIndex(LocalDate firstDay, boolean[] working) {
        this.firstEpochDay = firstDay.toEpochDay();
        this.workingBefore = new int[working.length + 1];
        int count = 0;
        for (int i = 0; i < working.length; i++) {
            workingBefore[i] = count;
            if (working[i]) {
                count++;
            }
        }
        workingBefore[working.length] = count;
        this.workingDays = new int[count];
        int k = 0;
        for (int i = 0; i < working.length; i++) {
            if (working[i]) {
                workingDays[k++] = i;
            }
        }
    }

    int dayCount() {
        return workingBefore.length - 1;
    }

    boolean isWorking(long epochDay) {
        int i = offset(epochDay);
        return workingBefore[i + 1] != workingBefore[i];
    }

    /** Working days d with d ≤ the given day. */
    int workingUpTo(long epochDay) {
        return workingBefore[offset(epochDay) + 1];
    }

    /** The n-th working day strictly after the given day, n ≥ 1, as an epoch day. */
    long nthWorkingDayAfter(long epochDay, int n) {
        long k = (long) workingUpTo(epochDay) + n - 1;
        if (k >= workingDays.length) {
            throw new IllegalArgumentException(n + " working days after " + LocalDate.ofEpochDay(epochDay)
                    + " reach beyond " + SupportedYears.LAST_DAY + ", the end of the supported range");
        }
        return firstEpochDay + workingDays[(int) k];
    }

    private int offset(long epochDay) {
        long i = epochDay - firstEpochDay;
        if (i < 0 || i >= dayCount()) {
            SupportedYears.check(LocalDate.ofEpochDay(epochDay));
        }
        return (int) i;
    }
}
