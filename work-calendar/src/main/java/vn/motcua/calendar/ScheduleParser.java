package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads schedules kept as data. One entry per line, {@code #} starts a comment, blank lines are ignored:
 *
 * <pre>
 * year: 2024
 * closed: 2024-01-01 Tết Dương lịch
 * closed: 2024-02-08..2024-02-14 Tết Giáp Thìn        (a range closes the weekdays in it)
 * working-saturday: 2024-05-04 Làm bù cho thứ Hai 29/4
 * </pre>
 *
 * A province's days off use {@code region: DONG_THAP} instead of {@code year:} and only {@code closed:} lines.
 * Shipped official schedules live on the classpath at {@code vn/motcua/calendar/schedules/<year>.txt}; adding a
 * file there adds a year without a code change.
 */
public final class ScheduleParser {

    static final String SHIPPED_LOCATION = "/vn/motcua/calendar/schedules/";

    private ScheduleParser() {
    }

    /** Parses an official year schedule; {@code source} names the file in error messages. */
    public static YearSchedule parseYearSchedule(String source, String text) {
        Integer year = null;
        int yearLine = 0;
        List<Entry> entries = new ArrayList<>();
        for (Line line : lines(source, text)) {
            switch (line.key) {
                case "year" -> {
                    if (year != null) {
                        throw line.error("year is given twice (first on line " + yearLine + ")");
                    }
                    year = parseYear(line);
                    yearLine = line.number;
                }
                case "closed", "working-saturday" -> entries.add(parseEntry(line));
                default -> throw line.error("unknown key '" + line.key
                        + "' (expected year, closed or working-saturday)");
            }
        }
        if (year == null) {
            throw new ScheduleFormatException(source + ": missing 'year: YYYY' line");
        }
        List<DayOff> closed = new ArrayList<>();
        List<DayOff> workingSaturdays = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.from.getYear() != year || entry.to.getYear() != year) {
                throw entry.line.error("date not in the schedule's year " + year);
            }
            if (entry.line.key.equals("closed")) {
                closed.addAll(closedWeekdays(entry));
            } else {
                if (!entry.from.equals(entry.to)) {
                    throw entry.line.error("working-saturday takes one date, not a range");
                }
                if (entry.from.getDayOfWeek() != DayOfWeek.SATURDAY) {
                    throw entry.line.error(entry.from + " is a " + entry.from.getDayOfWeek() + ", not a Saturday");
                }
                workingSaturdays.add(new DayOff(entry.from, entry.name));
            }
        }
        try {
            return new YearSchedule(year, closed, workingSaturdays);
        } catch (IllegalArgumentException e) {
            throw new ScheduleFormatException(source + ": " + e.getMessage());
        }
    }

    /** Parses a province's own days off. */
    public static LocalDaysOff parseLocalDaysOff(String source, String text) {
        String region = null;
        List<DayOff> days = new ArrayList<>();
        for (Line line : lines(source, text)) {
            switch (line.key) {
                case "region" -> {
                    if (region != null) {
                        throw line.error("region is given twice");
                    }
                    if (line.value.isEmpty()) {
                        throw line.error("region needs a name");
                    }
                    region = line.value;
                }
                case "closed" -> {
                    Entry entry = parseEntry(line);
                    for (LocalDate d = entry.from; !d.isAfter(entry.to); d = d.plusDays(1)) {
                        days.add(new DayOff(d, entry.name));
                    }
                }
                default -> throw line.error("unknown key '" + line.key + "' (expected region or closed)");
            }
        }
        if (region == null) {
            throw new ScheduleFormatException(source + ": missing 'region: NAME' line");
        }
        try {
            return new LocalDaysOff(region, days);
        } catch (IllegalArgumentException e) {
            throw new ScheduleFormatException(source + ": " + e.getMessage());
        }
    }

    /** The official schedule shipped for a year, if there is one. */
    public static Optional<YearSchedule> shipped(int year) {
        String name = SHIPPED_LOCATION + year + ".txt";
        try (InputStream in = ScheduleParser.class.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            YearSchedule schedule = parseYearSchedule(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (schedule.year() != year) {
                throw new ScheduleFormatException(name + ": file is for year " + schedule.year());
            }
            return Optional.of(schedule);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static List<DayOff> closedWeekdays(Entry entry) {
        List<DayOff> days = new ArrayList<>();
        if (entry.from.equals(entry.to)) {
            if (LaborCodeHolidays.isWeekend(entry.from)) {
                throw entry.line.error(entry.from + " is a " + entry.from.getDayOfWeek()
                        + "; list only the weekdays on which offices close");
            }
            days.add(new DayOff(entry.from, entry.name));
            return days;
        }
        for (LocalDate d = entry.from; !d.isAfter(entry.to); d = d.plusDays(1)) {
            if (!LaborCodeHolidays.isWeekend(d)) {
                days.add(new DayOff(d, entry.name));
            }
        }
        return days;
    }

    private static int parseYear(Line line) {
        try {
            return SupportedYears.check(Integer.parseInt(line.value));
        } catch (NumberFormatException e) {
            throw line.error("year '" + line.value + "' is not a number");
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
    }

    private static Entry parseEntry(Line line) {
        String[] parts = line.value.split("\\s+", 2);
        if (parts[0].isEmpty()) {
            throw line.error(line.key + " needs a date (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)");
        }
        String name = parts.length > 1 ? parts[1] : "";
        String[] range = parts[0].split("\\.\\.", -1);
        if (range.length > 2) {
            throw line.error("malformed date range '" + parts[0] + "'");
        }
        LocalDate from = parseDate(line, range[0]);
        LocalDate to = range.length == 2 ? parseDate(line, range[1]) : from;
        if (to.isBefore(from)) {
            throw line.error("range " + parts[0] + " ends before it starts");
        }
        return new Entry(line, from, to, name);
    }

    private static LocalDate parseDate(Line line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw line.error("'" + text + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    /** The fixed-date statutory holidays shipped at {@code resource} (LaborCodeHolidays). */
    static List<LaborCodeHolidays.FixedHoliday> fixedHolidays(String resource) {
        try (InputStream in = ScheduleParser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScheduleFormatException(resource + ": not on the classpath");
            }
            return parseFixedHolidays(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Lines {@code fixed: MM-DD [from YYYY] name}: a holiday on that date every year, or from that year on. */
    static List<LaborCodeHolidays.FixedHoliday> parseFixedHolidays(String source, String text) {
        List<LaborCodeHolidays.FixedHoliday> holidays = new ArrayList<>();
        for (Line line : lines(source, text)) {
            if (!line.key.equals("fixed")) {
                throw line.error("unknown key '" + line.key + "' (expected fixed)");
            }
            String[] parts = line.value.split("\\s+", 2);
            MonthDay date;
            try {
                date = MonthDay.parse("--" + parts[0]);
            } catch (DateTimeParseException e) {
                throw line.error("not a date MM-DD: " + parts[0]);
            }
            String rest = parts.length > 1 ? parts[1].strip() : "";
            int fromYear = SupportedYears.FIRST;
            if (rest.startsWith("from ")) {
                String[] from = rest.substring(5).strip().split("\\s+", 2);
                try {
                    fromYear = SupportedYears.check(Integer.parseInt(from[0]));
                } catch (IllegalArgumentException e) {
                    throw line.error("not a supported year after 'from': " + from[0]);
                }
                rest = from.length > 1 ? from[1].strip() : "";
            }
            if (rest.isEmpty()) {
                throw line.error("a holiday needs a name");
            }
            holidays.add(new LaborCodeHolidays.FixedHoliday(date, fromYear, rest));
        }
        return List.copyOf(holidays);
    }

    private static List<Line> lines(String source, String text) {
        if (text == null) {
            throw new ScheduleFormatException(source + ": no content");
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            String content = raw[i];
            int hash = content.indexOf('#');
            if (hash >= 0) {
                content = content.substring(0, hash);
            }
            content = content.strip();
            if (content.isEmpty()) {
                continue;
            }
            int colon = content.indexOf(':');
            if (colon <= 0) {
                throw new ScheduleFormatException(source, i + 1, "expected 'key: value', got '" + content + "'");
            }
            lines.add(new Line(source, i + 1, content.substring(0, colon).strip(),
                    content.substring(colon + 1).strip()));
        }
        return lines;
    }

    private record Line(String source, int number, String key, String value) {
        ScheduleFormatException error(String message) {
            return new ScheduleFormatException(source, number, message);
        }
    }

    private record Entry(Line line, LocalDate from, LocalDate to, String name) {
    }
}
