package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A weekday on which public offices are closed, with the reason (e.g. "Tết Nhâm Dần", "Nghỉ bù Quốc khánh"). */
public record DayOff(LocalDate date, String name) implements Comparable<DayOff> {

    public DayOff {
        Objects.requireNonNull(date, "date");
        name = name == null ? "" : name.strip();
    }

    @Override
    public int compareTo(DayOff other) {
        return date.compareTo(other.date);
    }
}
