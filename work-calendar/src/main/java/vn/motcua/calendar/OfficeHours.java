package vn.motcua.calendar;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Office hours of working days (giờ hành chính): the close time C that ends a working-day deadline, and the
 * sessions within which working hours are counted.
 */
public record OfficeHours(LocalTime closeTime, List<Session> sessions) {

    /** One opening of the office, start inclusive, end exclusive. */
    public record Session(LocalTime start, LocalTime end) {
        public Session {
            Objects.requireNonNull(start, "session start");
            Objects.requireNonNull(end, "session end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("office session must start before it ends: " + start + "–" + end);
            }
        }
    }

    public static final LocalTime DEFAULT_CLOSE = LocalTime.of(17, 0);

    private static final OfficeHours STANDARD = new OfficeHours(DEFAULT_CLOSE, List.of(
            new Session(LocalTime.of(7, 30), LocalTime.of(11, 30)),
            new Session(LocalTime.of(13, 30), LocalTime.of(17, 0))));

    public OfficeHours {
        Objects.requireNonNull(closeTime, "closeTime");
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException("office sessions must be in order and not overlap: "
                        + sessions.get(i - 1) + " then " + sessions.get(i));
            }
        }
    }

    /** Close time 17:00; sessions 07:30–11:30 and 13:30–17:00. */
    public static OfficeHours standard() {
        return STANDARD;
    }

    public OfficeHours withCloseTime(LocalTime close) {
        return new OfficeHours(close, sessions);
    }

    /** Office time of one working day, in nanoseconds. */
    long nanosPerDay() {
        long total = 0;
        for (Session s : sessions) {
            total += s.end().toNanoOfDay() - s.start().toNanoOfDay();
        }
        return total;
    }

    /** Office time of a working day elapsed before the given time of day, in nanoseconds. */
    long elapsedBefore(long nanoOfDay) {
        long elapsed = 0;
        for (Session s : sessions) {
            long start = s.start().toNanoOfDay();
            long end = s.end().toNanoOfDay();
            if (nanoOfDay <= start) {
                break;
            }
            elapsed += Math.min(nanoOfDay, end) - start;
        }
        return elapsed;
    }

    /**
     * The earliest time of day at which {@code officeNanos} of office time have elapsed, for 0 < officeNanos ≤
     * {@link #nanosPerDay()}. The end of a session, not the start of the next, when it lands exactly there.
     */
    long timeOfDayAfter(long officeNanos) {
        long left = officeNanos;
        for (Session s : sessions) {
            long start = s.start().toNanoOfDay();
            long length = s.end().toNanoOfDay() - start;
            if (left <= length) {
                return start + left;
            }
            left -= length;
        }
        throw new IllegalArgumentException("more office time than a working day has: " + officeNanos + " ns");
    }
}
