package vn.motcua.stats.domain;

import vn.motcua.calendar.VietnamTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of form 06: a quarter ({@code 2022-Q3}), half-year ({@code 2022-H1}) or year ({@code 2022}),
 * as local dates in Vietnam, by the calendar or, with the id suffix {@code .c15}, by the cut-off on the 15th
 * ({@link PeriodConvention}). {@link #start()} and {@link #end()} are its first and last instants, both inclusive.
 */
public record Period(String id, LocalDate from, LocalDate to) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-([HQ])([1-4]))?(\\.c15)?");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** The named period ({@code 2022-H1}) by the convention; empty as {@link #parse(String)}. */
    public static Optional<Period> parse(String name, PeriodConvention convention) {
        if (name == null || name.endsWith(PeriodConvention.CUTOFF_15.suffix())) {
            return Optional.empty();
        }
        return parse(name + convention.suffix());
    }

    /**
     * Empty for anything that is not a period in one of the three forms (optionally with {@code .c15}), or a year
     * outside 2000–2100.
     */
    public static Optional<Period> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Optional.empty();
        }
        PeriodConvention convention = m.group(4) == null ? PeriodConvention.CALENDAR : PeriodConvention.CUTOFF_15;
        if (m.group(2) == null) {
            return Optional.of(year(year).in(convention));
        }
        int n = Integer.parseInt(m.group(3));
        if (m.group(2).equals("H")) {
            return n <= 2 ? Optional.of(half(year, n).in(convention)) : Optional.empty();
        }
        return Optional.of(quarter(year, n).in(convention));
    }

    /** This calendar period's namesake in the convention: {@code 2022-H1} → {@code 2022-H1.c15}, 15/12/2021–14/6/2022. */
    public Period in(PeriodConvention convention) {
        return new Period(name() + convention.suffix(), convention.from(from), convention.to(to));
    }

    /** The id without the convention's suffix: {@code 2022-H1} for {@code 2022-H1.c15}. */
    public String name() {
        return id.endsWith(PeriodConvention.CUTOFF_15.suffix())
                ? id.substring(0, id.length() - PeriodConvention.CUTOFF_15.suffix().length()) : id;
    }

    public PeriodConvention convention() {
        return id.endsWith(PeriodConvention.CUTOFF_15.suffix()) ? PeriodConvention.CUTOFF_15 : PeriodConvention.CALENDAR;
    }

    public static Period year(int year) {
        return new Period(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period half(int year, int half) {
        LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        return new Period(year + "-H" + half, from, from.plusMonths(6).minusDays(1));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new Period(year + "-Q" + quarter, from, from.plusMonths(3).minusDays(1));
    }

    /** Every quarter, half-year and year of both conventions that has an instant in [from, to]. */
    public static List<Period> overlapping(Instant from, Instant to) {
        List<Period> periods = new ArrayList<>();
        int firstYear = from.atZone(VietnamTime.ZONE).getYear();
        int lastYear = to.atZone(VietnamTime.ZONE).getYear() + 1; // a cut-off year starts in December before
        for (int year = firstYear; year <= lastYear; year++) {
            List<Period> ofYear = List.of(year(year), half(year, 1), half(year, 2),
                    quarter(year, 1), quarter(year, 2), quarter(year, 3), quarter(year, 4));
            for (PeriodConvention convention : PeriodConvention.values()) {
                for (Period calendar : ofYear) {
                    Period p = calendar.in(convention);
                    if (!p.end().isBefore(from) && !p.start().isAfter(to)) {
                        periods.add(p);
                    }
                }
            }
        }
        return periods;
    }

    /**
     * The first instant after {@code t} at which a quarter of either convention starts (the 1st of January, April,
     * July, October, or the 15th of March, June, September, December): when open dossiers carry over.
     */
    public static Instant nextQuarterStart(Instant t) {
        LocalDate date = t.atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate quarterStart = LocalDate.of(date.getYear(), 3 * ((date.getMonthValue() - 1) / 3) + 1, 1);
        LocalDate calendarNext = quarterStart.plusMonths(3);
        LocalDate cutoffNext = calendarNext.minusMonths(1).withDayOfMonth(15);
        LocalDate next = date.isBefore(cutoffNext) ? cutoffNext : calendarNext;
        return next.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    public Instant start() {
        return from.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    /** The last instant of {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant().minusNanos(1);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start()) && !t.isAfter(end());
    }

    /** The instant a report of this period is as of: the earlier of now and the period's end. */
    public Instant asOf(Instant now) {
        return now.isBefore(end()) ? now : end();
    }
}
