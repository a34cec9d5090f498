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
 * A reporting period of form 06: a calendar quarter ({@code 2022-Q3}), half-year ({@code 2022-H1}) or year
 * ({@code 2022}), as local dates in Vietnam. {@link #start()} and {@link #end()} are its first and last instants,
 * both inclusive.
 */
public record Period(String id, LocalDate from, LocalDate to) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-([HQ])([1-4]))?");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** Empty for anything that is not a period in one of the three forms, or a year outside 2000–2100. */
    public static Optional<Period> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Optional.empty();
        }
        if (m.group(2) == null) {
            return Optional.of(year(year));
        }
        int n = Integer.parseInt(m.group(3));
        if (m.group(2).equals("H")) {
            return n <= 2 ? Optional.of(half(year, n)) : Optional.empty();
        }
        return Optional.of(quarter(year, n));
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

    /** Every quarter, half-year and year that has an instant in [from, to]. */
    public static List<Period> overlapping(Instant from, Instant to) {
        List<Period> periods = new ArrayList<>();
        int firstYear = from.atZone(VietnamTime.ZONE).getYear();
        int lastYear = to.atZone(VietnamTime.ZONE).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            List<Period> ofYear = List.of(year(year), half(year, 1), half(year, 2),
                    quarter(year, 1), quarter(year, 2), quarter(year, 3), quarter(year, 4));
            for (Period p : ofYear) {
                if (!p.end().isBefore(from) && !p.start().isAfter(to)) {
                    periods.add(p);
                }
            }
        }
        return periods;
    }

    /** The first instant of the quarter after the one that holds {@code t}: when open dossiers carry over. */
    public static Instant nextQuarterStart(Instant t) {
        LocalDate date = t.atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate quarterStart = LocalDate.of(date.getYear(), 3 * ((date.getMonthValue() - 1) / 3) + 1, 1);
        return quarterStart.plusMonths(3).atStartOfDay(VietnamTime.ZONE).toInstant();
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
