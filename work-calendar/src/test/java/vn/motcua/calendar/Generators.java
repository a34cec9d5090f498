package vn.motcua.calendar;

import static vn.motcua.calendar.VietnamTime.ZONE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;

/**
 * Random inputs for {@link WorkCalendarPropertyTest}. Every bound is inclusive, and one draw in ten is a bound (half
 * the lower, half the upper), so that the edges of each range are tried as well as its inside.
 */
final class Generators {

    private static final long FIRST_SECOND = LocalDate.of(2000, 1, 1).atStartOfDay(ZONE).toEpochSecond();
    private static final long LAST_SECOND = LocalDate.of(2098, 12, 31).atStartOfDay(ZONE).toEpochSecond();

    private Generators() {
    }

    /** An int in min..max. */
    static int intIn(SplittableRandom random, int min, int max) {
        return (int) longIn(random, min, max);
    }

    /** A long in min..max. */
    static long longIn(SplittableRandom random, long min, long max) {
        return switch (random.nextInt(20)) {
            case 0 -> min;
            case 1 -> max;
            default -> random.nextLong(min, max + 1);
        };
    }

    /** An instant, to the second, from 2000-01-01T00:00 to 2098-12-31T00:00 in Vietnam, at Vietnam's offset. */
    static OffsetDateTime instant(SplittableRandom random) {
        return Instant.ofEpochSecond(longIn(random, FIRST_SECOND, LAST_SECOND)).atZone(ZONE).toOffsetDateTime();
    }

    /** A cut-off: null (the calculator's default) half of the time, else a minute from 08:00 to 17:00. */
    static LocalTime cutoff(SplittableRandom random) {
        if (random.nextBoolean()) {
            return null;
        }
        int minute = intIn(random, 8 * 60, 17 * 60);
        return LocalTime.of(minute / 60, minute % 60);
    }
}
