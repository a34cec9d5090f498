package vn.motcua.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunar calendar (âm lịch): the Chinese lunisolar rules computed at UTC+7 instead of UTC+8.
 *
 * <p>Why not ICU's Chinese calendar as is: new moons and solar terms close to midnight fall on another day at UTC+7,
 * which moves whole months. Tết 1985 is 21 January in Vietnam and 20 February in China; Tết 2007 is 17 February in
 * Vietnam and 18 February in China. ICU's {@link com.ibm.icu.util.DangiCalendar} shifts the same astronomy to
 * Korea's UTC+9 through a protected constructor; we do the same with UTC+7.
 */
final class VietnameseLunarCalendar {

    /** The lunar calendar is reckoned at the 105th meridian east (UTC+7): astronomy, not the civil zone. */
    private static final ZoneOffset LUNAR_MERIDIAN = ZoneOffset.ofHours(7);
    private static final TimeZone UTC_PLUS_7 = new SimpleTimeZone(7 * 60 * 60 * 1000, "UTC+07:00");

    private VietnameseLunarCalendar() {
    }

    /** Tết Nguyên Đán: the first day of the lunar year that begins in the given Gregorian year. */
    static LocalDate newYear(int gregorianYear) {
        return toSolar(gregorianYear, 1, 1);
    }

    /**
     * The solar date of day {@code lunarDay} of the ordinary (non-leap) month {@code lunarMonth} of the lunar year
     * that begins in the given Gregorian year.
     */
    static LocalDate toSolar(int gregorianYear, int lunarMonth, int lunarDay) {
        // ICU versions number extended Chinese years differently; 1 July is always after Tết, so it tells us the
        // extended year of the lunar year that began in this Gregorian year.
        int extendedYear = toLunar(LocalDate.of(gregorianYear, 7, 1))[0];
        Calendar lunar = newCalendar();
        lunar.clear();
        lunar.set(Calendar.EXTENDED_YEAR, extendedYear);
        lunar.set(Calendar.MONTH, lunarMonth - 1);
        lunar.set(Calendar.IS_LEAP_MONTH, 0);
        lunar.set(Calendar.DAY_OF_MONTH, lunarDay);
        LocalDate solar = Instant.ofEpochMilli(lunar.getTimeInMillis()).atOffset(LUNAR_MERIDIAN).toLocalDate();
        int[] check = toLunar(solar);
        if (check[1] != lunarMonth || check[2] != lunarDay || check[3] != 0) {
            throw new IllegalStateException("lunar conversion did not round-trip for " + lunarDay + "/" + lunarMonth
                    + " of " + gregorianYear + ": got " + solar);
        }
        return solar;
    }

    /** {extended year, month 1–12, day, isLeapMonth 0/1} of a solar date. */
    static int[] toLunar(LocalDate solar) {
        Calendar lunar = newCalendar();
        lunar.setTimeInMillis(solar.atStartOfDay(LUNAR_MERIDIAN).toInstant().toEpochMilli());
        return new int[] {
            lunar.get(Calendar.EXTENDED_YEAR),
            lunar.get(Calendar.MONTH) + 1,
            lunar.get(Calendar.DAY_OF_MONTH),
            lunar.get(Calendar.IS_LEAP_MONTH)
        };
    }

    /** ICU calendars are mutable and not thread-safe: one per use. */
    private static Calendar newCalendar() {
        return new VietnameseChineseCalendar();
    }

    /** ICU's Chinese calendar with local dates and astronomy both at UTC+7. */
    private static final class VietnameseChineseCalendar extends ChineseCalendar {
        private static final long serialVersionUID = 1L;

        VietnameseChineseCalendar() {
            super(UTC_PLUS_7, ULocale.ROOT, UTC_PLUS_7);
        }
    }
}
