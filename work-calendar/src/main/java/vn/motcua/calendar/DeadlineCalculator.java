package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * Deadline arithmetic of docs/time-and-counting.md: start day, due date and dueAt, supplement pause and resume, timeliness
 * and overdue. Immutable and thread-safe; every call is a few array reads on the calendar's day index.
 *
 * <ul>
 *   <li>Start day S(t): t's local date if it is a working day and t's local time is before the cut-off K (default
 *       the close time C); otherwise the next working day.</li>
 *   <li>N working days: the due date is the N-th working day after S(t) (N = 0: S(t)); dueAt = C on it.</li>
 *   <li>H working hours: dueAt = t plus H hours counted inside the office sessions of working days (no cut-off);
 *       the due date is dueAt's local date.</li>
 *   <li>D calendar days: the first day counted is the day after t's local date, so the last day is that date + D
 *       (no cut-off); a last day that is a day off moves to the next working day; dueAt = C on it.</li>
 *   <li>Pause at p: R = working days strictly after p's local date up to and including the due date (hours: the
 *       office time left between p and dueAt). Resume at r: the R-th working day after S(r) (hours: r plus the office
 *       time left; calendar days: the days strictly after p's local date up to the due date, and the resumed last day
 *       is r's local date + R, moved off a day off as above). A request after dueAt does not stop the clock.</li>
 * </ul>
 */
public final class DeadlineCalculator {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_HOUR = 3600 * NANOS_PER_SECOND;
    private static final int SECONDS_PER_DAY = 86_400;

    private static final class Vietnam {
        static final DeadlineCalculator INSTANCE =
                new DeadlineCalculator(WorkCalendar.vietnam(), OfficeHours.standard(), VietnamTime.ZONE);
    }

    private final WorkCalendar calendar;
    private final OfficeHours officeHours;
    private final ZoneId zone;
    /** The zone's offset when it does not change within 2000–2100 (Vietnam: +07:00 since 1975); else null. */
    private final ZoneOffset fixedOffset;
    private final long officeNanosPerDay;
    /**
     * The deadline of every working day of 2000–2100 whose due date it is (null for days off), indexed by epoch day
     * from 1/1/2000: built once (about 25,000 immutable objects), so a working-day due date costs array reads only.
     */
    private final Deadline[] closeOfDay;
    private final long firstEpochDay = SupportedYears.FIRST_DAY.toEpochDay();

    public DeadlineCalculator(WorkCalendar calendar, OfficeHours officeHours, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fixedOffset = offsetFixedWithinSupportedYears(zone);
        this.officeNanosPerDay = officeHours.nanosPerDay();
        this.closeOfDay = deadlinesAtCloseOfWorkingDays();
    }

    /** Vietnam's calendar with shipped schedules, standard office hours, Asia/Ho_Chi_Minh. */
    public static DeadlineCalculator vietnam() {
        return Vietnam.INSTANCE;
    }

    public DeadlineCalculator withCalendar(WorkCalendar other) {
        return new DeadlineCalculator(other, officeHours, zone);
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** S(t): the day counting starts from, for an instant t and cut-off K (null = close time C). */
    public LocalDate startDay(Instant t, LocalTime cutoff) {
        return LocalDate.ofEpochDay(startEpochDay(t, cutoff));
    }

    public Deadline dueFor(OffsetDateTime receivedAt, ProcessingTime time, LocalTime cutoff) {
        return dueFor(receivedAt.toInstant(), time, cutoff);
    }

    /** The deadline of a dossier received at t; the cut-off (null = C) only matters for working-day procedures. */
    public Deadline dueFor(Instant receivedAt, ProcessingTime time, LocalTime cutoff) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(time, "processing time");
        return switch (time.unit()) {
            case WORKING_DAYS -> dueAfterWorkingDays(startEpochDay(receivedAt, cutoff), time.amount());
            case WORKING_HOURS -> dueAfterOfficeTime(receivedAt, time.amount() * NANOS_PER_HOUR);
            case CALENDAR_DAYS -> dueAfterCalendarDays(localEpochDay(receivedAt), time.amount());
        };
    }

    /** Stops the clock for a supplement request at p; see {@link Pause#clockStopped()}. */
    public Pause pause(Deadline current, OffsetDateTime requestedAt) {
        Objects.requireNonNull(current, "deadline");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Instant p = requestedAt.toInstant();
        if (p.isAfter(current.dueAt().toInstant())) {
            return new Pause(current, requestedAt, false, 0, Duration.ZERO);
        }
        if (current.unit() == ProcessingTime.Unit.WORKING_DAYS) {
            LocalDate requestDay = LocalDate.ofEpochDay(localEpochDay(p));
            int remaining = calendar.workingDaysBetween(requestDay, current.dueDate());
            return new Pause(current, requestedAt, true, remaining, Duration.ZERO);
        }
        if (current.unit() == ProcessingTime.Unit.CALENDAR_DAYS) {
            int remaining = (int) Math.max(0, current.dueDate().toEpochDay() - localEpochDay(p));
            return new Pause(current, requestedAt, true, remaining, Duration.ZERO);
        }
        long remaining = officeNanosUpTo(current.dueAt().toInstant()) - officeNanosUpTo(p);
        return new Pause(current, requestedAt, true, 0, Duration.ofNanos(remaining));
    }

    /**
     * Restarts the clock when the supplement arrives at r: the new deadline keeps the remaining working days (or
     * office time). A pause that did not stop the clock gives its deadline back unchanged.
     */
    public Deadline resume(Pause pause, OffsetDateTime receivedAt, LocalTime cutoff) {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (receivedAt.isBefore(pause.requestedAt())) {
            throw new IllegalArgumentException("supplement received at " + receivedAt
                    + " before it was requested at " + pause.requestedAt());
        }
        if (!pause.clockStopped()) {
            return pause.deadline();
        }
        Instant r = receivedAt.toInstant();
        if (pause.deadline().unit() == ProcessingTime.Unit.WORKING_DAYS) {
            return dueAfterWorkingDays(startEpochDay(r, cutoff), pause.remainingWorkingDays());
        }
        if (pause.deadline().unit() == ProcessingTime.Unit.CALENDAR_DAYS) {
            return dueAfterCalendarDays(localEpochDay(r), pause.remainingWorkingDays());
        }
        long remaining = pause.remainingOfficeTime().toNanos();
        if (remaining == 0) {
            OffsetDateTime at = at(r);
            return new Deadline(at.toLocalDate(), at, ProcessingTime.Unit.WORKING_HOURS);
        }
        return dueAfterOfficeTime(r, remaining);
    }

    /** EARLY before the due date; ON_TIME on it up to dueAt; LATE after dueAt. */
    public Timeliness timeliness(Deadline deadline, OffsetDateTime resolvedAt) {
        Instant x = resolvedAt.toInstant();
        if (localEpochDay(x) < deadline.dueDate().toEpochDay()) {
            return Timeliness.EARLY;
        }
        return x.isAfter(deadline.dueAt().toInstant()) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    /**
     * Overdue from the first instant after dueAt. The caller decides whether the rule applies: only open dossiers
     * whose clock is not stopped by a supplement request are overdue.
     */
    public boolean isOverdue(Deadline deadline, Instant now) {
        return now.isAfter(deadline.dueAt().toInstant());
    }

    private Deadline dueAfterWorkingDays(long startEpochDay, int n) {
        long due = calendar.addWorkingDays(startEpochDay, n);
        Deadline cached = closeOfDay[(int) (due - firstEpochDay)];
        if (cached != null) {
            return cached;
        }
        // N = 0 from a day off cannot happen (S(t) is a working day), but addWorkingDays allows it.
        LocalDate dueDate = LocalDate.ofEpochDay(due);
        return new Deadline(dueDate, at(dueDate, officeHours.closeTime()), ProcessingTime.Unit.WORKING_DAYS);
    }

    /**
     * Civil Code 2015, art. 147–148 (docs/time-and-counting.md, "Calendar days"): counting starts the day after the
     * receipt, and a period whose last day is a day off ends at the close of the next working day.
     */
    private Deadline dueAfterCalendarDays(long receiptEpochDay, int days) {
        long lastDay = receiptEpochDay + days;
        long due = calendar.isWorkingDay(lastDay) ? lastDay : calendar.nextWorkingDay(lastDay);
        LocalDate dueDate = LocalDate.ofEpochDay(due);
        return new Deadline(dueDate, at(dueDate, officeHours.closeTime()), ProcessingTime.Unit.CALENDAR_DAYS);
    }

    private Deadline[] deadlinesAtCloseOfWorkingDays() {
        int days = (int) (SupportedYears.LAST_DAY.toEpochDay() - firstEpochDay + 1);
        Deadline[] deadlines = new Deadline[days];
        for (int i = 0; i < days; i++) {
            if (calendar.isWorkingDay(firstEpochDay + i)) {
                LocalDate date = LocalDate.ofEpochDay(firstEpochDay + i);
                deadlines[i] = new Deadline(date, at(date, officeHours.closeTime()), ProcessingTime.Unit.WORKING_DAYS);
            }
        }
        return deadlines;
    }

    /** The earliest instant by which {@code nanos} (> 0) of office time have passed since t. */
    private Deadline dueAfterOfficeTime(Instant t, long nanos) {
        long day = localEpochDay(t);
        long elapsedToday = officeHours.elapsedBefore(localNanoOfDay(t));
        long leftToday = calendar.isWorkingDay(day) ? officeNanosPerDay - elapsedToday : 0;
        long dueDay;
        long dueNanoOfDay;
        if (nanos <= leftToday) {
            dueDay = day;
            dueNanoOfDay = officeHours.timeOfDayAfter(elapsedToday + nanos);
        } else {
            long rest = nanos - leftToday;
            long days = (rest + officeNanosPerDay - 1) / officeNanosPerDay;
            if (days > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("working hours reach beyond the supported range");
            }
            dueDay = calendar.addWorkingDays(day, (int) days);
            dueNanoOfDay = officeHours.timeOfDayAfter(rest - (days - 1) * officeNanosPerDay);
        }
        LocalDate dueDate = LocalDate.ofEpochDay(dueDay);
        return new Deadline(dueDate, at(dueDate, LocalTime.ofNanoOfDay(dueNanoOfDay)),
                ProcessingTime.Unit.WORKING_HOURS);
    }

    /** Office time from the start of the supported range up to instant t. */
    private long officeNanosUpTo(Instant t) {
        long day = localEpochDay(t);
        LocalDate date = LocalDate.ofEpochDay(day);
        long before = (long) calendar.workingDaysBetween(SupportedYears.FIRST_DAY, date)
                - (calendar.isWorkingDay(day) ? 1 : 0);
        long today = calendar.isWorkingDay(day) ? officeHours.elapsedBefore(localNanoOfDay(t)) : 0;
        return before * officeNanosPerDay + today;
    }

    private long startEpochDay(Instant t, LocalTime cutoff) {
        LocalTime k = cutoff == null ? officeHours.closeTime() : cutoff;
        long day = localEpochDay(t);
        if (calendar.isWorkingDay(day) && localNanoOfDay(t) < k.toNanoOfDay()) {
            return day;
        }
        return calendar.nextWorkingDay(day);
    }

    private long localEpochSecond(Instant t) {
        ZoneOffset offset = fixedOffset != null ? fixedOffset : zone.getRules().getOffset(t);
        return t.getEpochSecond() + offset.getTotalSeconds();
    }

    private long localEpochDay(Instant t) {
        return Math.floorDiv(localEpochSecond(t), SECONDS_PER_DAY);
    }

    private long localNanoOfDay(Instant t) {
        return Math.floorMod(localEpochSecond(t), SECONDS_PER_DAY) * NANOS_PER_SECOND + t.getNano();
    }

    private OffsetDateTime at(LocalDate date, LocalTime time) {
        if (fixedOffset != null) {
            return OffsetDateTime.of(date, time, fixedOffset);
        }
        return ZonedDateTime.of(date, time, zone).toOffsetDateTime();
    }

    private OffsetDateTime at(Instant t) {
        return fixedOffset != null ? t.atOffset(fixedOffset) : t.atZone(zone).toOffsetDateTime();
    }

    private static ZoneOffset offsetFixedWithinSupportedYears(ZoneId zone) {
        Instant from = SupportedYears.FIRST_DAY.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = SupportedYears.LAST_DAY.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZoneOffsetTransition next = zone.getRules().nextTransition(from);
        if (next == null || next.getInstant().isAfter(to)) {
            return zone.getRules().getOffset(from);
        }
        return null;
    }
}
