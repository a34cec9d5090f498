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

    /** The province's days off close on top of the schedule beneath; removed, the day is what that schedule says. */
    @Test
    void localDaysOffCloseOnTopAndFallBackWhenRemoved() {
        List<DayOff> tuesday = List.of(new DayOff(LocalDate.of(2019, 3, 5), "Lễ hội của tỉnh"));
        CalendarInForce withDayOff = CalendarInForce.of(List.of()).with(new VersionedSchedule(2019, null, tuesday, 1))
                .orElseThrow();
        assertThat(dueDate(withDayOff)).isEqualTo("2019-03-08");
        assertThat(withDayOff.localDaysOff(2019)).isEqualTo(tuesday);
        assertThat(withDayOff.calculator().calendar().officialSchedule(2019)).as("no schedule entered").isEmpty();

        CalendarInForce removed = withDayOff.with(new VersionedSchedule(2019, null, List.of(), 2)).orElseThrow();
        assertThat(dueDate(removed)).isEqualTo("2019-03-07");
        assertThat(removed.localDaysOff(2019)).isEmpty();
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
