package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.calendar.VietnamTime.ZONE;

class CalendarInForceTest {

    /** Monday 4 March 2019 at 09:00 plus three working days: Thursday 7 March, or Friday 8 with Tuesday 5 closed. */
    private static final LocalDateTime RECEIVED = LocalDateTime.of(2019, 3, 4, 9, 0);

    @Test
    void aNewerVersionOfAYearIsPutInForce() {
        CalendarInForce start = CalendarInForce.of(List.of());
        assertThat(dueDate(start)).isEqualTo("2019-03-07");

        CalendarInForce changed = start.with(withClosed(LocalDate.of(2019, 3, 5), 1)).orElseThrow();

        assertThat(dueDate(changed)).isEqualTo("2019-03-08");
        assertThat(changed.version(2019)).isEqualTo(1);
        assertThat(dueDate(start)).as("the old one is unchanged").isEqualTo("2019-03-07");
    }

    @Test
    void aRepeatOrAnOlderVersionChangesNothing() {
        CalendarInForce inForce = CalendarInForce.of(List.of(withClosed(LocalDate.of(2019, 3, 5), 4)));

        assertThat(inForce.with(withClosed(LocalDate.of(2019, 3, 6), 4))).isEmpty();
        assertThat(inForce.with(withClosed(null, 3))).isEmpty();
        assertThat(dueDate(inForce)).isEqualTo("2019-03-08");
        assertThat(inForce.version(2018)).isZero();
    }

    private static VersionedSchedule withClosed(LocalDate day, long version) {
        YearSchedule rules = WorkCalendar.vietnam().schedule(2019);
        List<DayOff> closed = new ArrayList<>(rules.closedDays());
        if (day != null) {
            closed.add(new DayOff(day, "Nghỉ do tỉnh quyết định"));
        }
        return new VersionedSchedule(new YearSchedule(2019, closed, rules.workingSaturdays()), version);
    }

    private static String dueDate(CalendarInForce calendar) {
        return calendar.calculator().dueFor(RECEIVED.atZone(ZONE).toOffsetDateTime(),
                new ProcessingTime(3, ProcessingTime.Unit.WORKING_DAYS), null).dueDate().toString();
    }
}
