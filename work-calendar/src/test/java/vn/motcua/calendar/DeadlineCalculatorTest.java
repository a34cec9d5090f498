package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {

    private final DeadlineCalculator calc = DeadlineCalculator.vietnam();

    private static OffsetDateTime t(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }

    private Deadline days(String receivedAt, int n) {
        return calc.dueFor(t(receivedAt), ProcessingTime.workingDays(n), null);
    }

    @Test
    void designExampleMondayPlusThree() {
        Deadline d = days("2022-03-07T09:00", 3);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2022, 3, 10));
        assertThat(d.dueAt()).isEqualTo(t("2022-03-10T17:00"));
        assertThat(d.dueAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    }

    @ParameterizedTest(name = "received {0}, N={1} → due {2}")
    @CsvSource({
        // Tết Nhâm Dần 2022: closed 31/1 – 4/2
        "2022-01-28T09:00, 1, 2022-02-07",
        "2022-01-28T09:00, 3, 2022-02-09",
        "2022-01-28T17:00, 3, 2022-02-10", // at close time: counting starts on the next working day
        "2022-01-29T09:00, 0, 2022-02-07", // received on Saturday before Tết, N = 0: S(t)
        "2022-02-01T10:00, 2, 2022-02-09", // received online on mùng 1 Tết
        // 30/4 – 1/5
        "2022-04-29T10:00, 2, 2022-05-05", // 2022: closed Mon 2/5, Tue 3/5
        "2023-04-28T10:00, 1, 2023-05-04", // 2023: closed 1/5 – 3/5
        "2024-04-26T09:00, 3, 2024-05-04", // 2024: closed 29/4 – 1/5, working Saturday 4/5
        "2024-04-26T09:00, 4, 2024-05-06",
        // Quốc khánh
        "2022-08-31T10:00, 1, 2022-09-05",
        "2023-08-31T10:00, 1, 2023-09-05",
        "2024-08-30T10:00, 1, 2024-09-04",
        // ordinary
        "2022-03-07T09:00, 0, 2022-03-07",
        "2022-03-12T09:00, 0, 2022-03-14",
        "2022-03-07T09:00, 15, 2022-03-28",
    })
    void dueDatesAcrossHolidays(String receivedAt, int n, LocalDate due) {
        Deadline d = days(receivedAt, n);
        assertThat(d.dueDate()).isEqualTo(due);
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.of(due, LocalTime.of(17, 0), d.dueAt().getOffset()));
    }

    @Test
    void cutoffMovesTheStartDay() {
        LocalTime k = LocalTime.of(15, 0);
        assertThat(calc.startDay(t("2022-03-07T14:59:59").toInstant(), k)).isEqualTo(LocalDate.of(2022, 3, 7));
        assertThat(calc.startDay(t("2022-03-07T15:00").toInstant(), k)).isEqualTo(LocalDate.of(2022, 3, 8));
        assertThat(calc.dueFor(t("2022-03-07T15:30"), ProcessingTime.workingDays(3), k).dueDate())
                .isEqualTo(LocalDate.of(2022, 3, 11));
        assertThat(calc.dueFor(t("2022-03-07T15:30"), ProcessingTime.workingDays(3), null).dueDate())
                .isEqualTo(LocalDate.of(2022, 3, 10));
    }

    @Test
    void instantsInOtherOffsetsUseVietnameseLocalDate() {
        // 2022-03-06T20:00Z is Monday 03:00 in Hà Nội.
        Deadline d = calc.dueFor(Instant.parse("2022-03-06T20:00:00Z"), ProcessingTime.workingDays(1), null);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2022, 3, 8));
    }

    @ParameterizedTest(name = "received {0}, H={1} → dueAt {2}")
    @CsvSource({
        "2022-03-07T10:00, 8, 2022-03-08T10:30",
        "2022-03-07T16:00, 1, 2022-03-07T17:00",
        "2022-03-07T16:30, 1, 2022-03-08T08:00",
        "2022-03-07T06:00, 4, 2022-03-07T11:30", // ends exactly at the lunch break: 11:30, not 13:30
        "2022-03-07T12:00, 1, 2022-03-07T14:30", // received at lunch: counting starts at 13:30
        "2022-01-28T16:00, 2, 2022-02-07T08:30", // Friday before Tết
        "2022-03-05T09:00, 1, 2022-03-07T08:30", // Saturday
        "2022-03-07T07:30, 15, 2022-03-08T17:00", // two full days of 7.5 h
    })
    void workingHoursCountOnlyOfficeHoursOfWorkingDays(String receivedAt, int h, String dueAt) {
        Deadline d = calc.dueFor(t(receivedAt), ProcessingTime.workingHours(h), null);
        assertThat(d.dueAt()).isEqualTo(t(dueAt));
        assertThat(d.dueDate()).isEqualTo(t(dueAt).toLocalDate());
        assertThat(d.unit()).isEqualTo(ProcessingTime.Unit.WORKING_HOURS);
    }

    @Test
    void pauseAndResumeKeepTheRemainingWorkingDays() {
        Deadline d = days("2022-03-07T09:00", 10);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2022, 3, 21));

        Pause pause = calc.pause(d, t("2022-03-09T10:00"));
        assertThat(pause.clockStopped()).isTrue();
        assertThat(pause.remainingWorkingDays()).isEqualTo(8); // 10, 11, 14–18, 21 March

        Deadline resumed = calc.resume(pause, t("2022-03-14T09:00"), null);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2022, 3, 24));
        assertThat(resumed.dueAt()).isEqualTo(t("2022-03-24T17:00"));
        assertThat(calc.calendar().workingDaysBetween(LocalDate.of(2022, 3, 14), resumed.dueDate())).isEqualTo(8);
    }

    @Test
    void resumeAcrossTetKeepsTheRemainingWorkingDays() {
        Deadline d = days("2022-01-17T09:00", 10); // 18–21, 24–28 January, then 7/2 after Tết
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2022, 2, 7));
        Pause pause = calc.pause(d, t("2022-01-26T10:00"));
        assertThat(pause.remainingWorkingDays()).isEqualTo(3); // 27, 28 January, 7 February
        Deadline resumed = calc.resume(pause, t("2022-01-28T16:00"), null);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2022, 2, 9)); // S = 28/1 → 7/2, 8/2, 9/2
    }

    @Test
    void zeroLengthPauseDuringOfficeHoursChangesNothing() {
        Deadline d = days("2023-01-16T09:00", 7);
        OffsetDateTime p = t("2023-01-18T10:00");
        assertThat(calc.resume(calc.pause(d, p), p, null)).isEqualTo(d);
    }

    @Test
    void requestAfterDueAtDoesNotStopTheClock() {
        Deadline d = days("2022-03-07T09:00", 1);
        Pause late = calc.pause(d, t("2022-03-08T17:00:01"));
        assertThat(late.clockStopped()).isFalse();
        assertThat(calc.resume(late, t("2022-03-15T09:00"), null)).isEqualTo(d);
        assertThat(calc.isOverdue(d, t("2022-03-15T09:00").toInstant())).isTrue();

        Pause atDueAt = calc.pause(d, t("2022-03-08T17:00"));
        assertThat(atDueAt.clockStopped()).isTrue();
        assertThat(atDueAt.remainingWorkingDays()).isZero();
        assertThat(calc.resume(atDueAt, t("2022-03-10T09:00"), null).dueDate()).isEqualTo(LocalDate.of(2022, 3, 10));
    }

    @Test
    void pauseAndResumeOfWorkingHoursKeepTheRemainingOfficeTime() {
        Deadline d = calc.dueFor(t("2022-03-07T10:00"), ProcessingTime.workingHours(8), null); // Tue 10:30
        Pause pause = calc.pause(d, t("2022-03-07T16:00"));
        assertThat(pause.remainingOfficeTime()).isEqualTo(Duration.ofHours(4)); // 16–17, then 07:30–10:30
        Deadline resumed = calc.resume(pause, t("2022-03-09T13:00"), null);
        // received at lunch: 13:30–17:00 (3.5 h), then Thursday 07:30–08:00
        assertThat(resumed.dueAt()).isEqualTo(t("2022-03-10T08:00"));
    }

    @Test
    void timeliness() {
        Deadline d = days("2022-03-07T09:00", 3); // Thursday 10/3 17:00
        assertThat(calc.timeliness(d, t("2022-03-09T23:59"))).isEqualTo(Timeliness.EARLY);
        assertThat(calc.timeliness(d, t("2022-03-10T00:00"))).isEqualTo(Timeliness.ON_TIME);
        assertThat(calc.timeliness(d, t("2022-03-10T17:00"))).isEqualTo(Timeliness.ON_TIME);
        assertThat(calc.timeliness(d, t("2022-03-10T17:00:01"))).isEqualTo(Timeliness.LATE);
        assertThat(calc.timeliness(d, t("2022-03-11T08:00"))).isEqualTo(Timeliness.LATE);
        // Given in UTC: 2022-03-09T17:30Z is 10/3 00:30 in Hà Nội, so on the due date.
        assertThat(calc.timeliness(d, OffsetDateTime.parse("2022-03-09T17:30Z"))).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void overdueFromTheFirstInstantAfterDueAt() {
        Deadline d = days("2022-03-07T09:00", 3);
        assertThat(calc.isOverdue(d, t("2022-03-10T17:00").toInstant())).isFalse();
        assertThat(calc.isOverdue(d, t("2022-03-10T17:00").toInstant().plusNanos(1))).isTrue();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ProcessingTime.workingDays(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("working days N must be >= 0, got -1");
        assertThatThrownBy(() -> ProcessingTime.workingHours(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("working hours H must be > 0, got 0");
        assertThatThrownBy(() -> new ProcessingTime(1, null)).hasMessageContaining("unit is required");
        assertThatThrownBy(() -> days("1999-12-31T09:00", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the supported range");
        assertThatThrownBy(() -> days("2100-12-20T09:00", 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond 2100-12-31");
        Deadline d = days("2022-03-07T09:00", 3);
        Pause pause = calc.pause(d, t("2022-03-08T09:00"));
        assertThatThrownBy(() -> calc.resume(pause, t("2022-03-08T08:00"), null))
                .hasMessageContaining("before it was requested");
        assertThatThrownBy(() -> new OfficeHours(LocalTime.of(17, 0), java.util.List.of()))
                .hasMessageContaining("at least one session");
    }

    @ParameterizedTest(name = "received {0}, D={1} calendar days → due {2}")
    @CsvSource({
        "2022-03-01T09:00, 7, 2022-03-08",  // last day Tuesday 8/3: a working day
        "2022-03-01T16:59, 7, 2022-03-08",  // no cut-off: the receipt day is never counted anyway
        "2022-03-09T10:00, 10, 2022-03-21", // last day Saturday 19/3 → Monday 21/3
        "2022-01-28T15:30, 3, 2022-02-07",  // last day Monday 31/1, Tết → first working day after it, 7/2
        "2022-03-12T09:00, 2, 2022-03-14",  // received on a Saturday: Monday 14/3 is the second day
        "2022-04-29T10:00, 2, 2022-05-04",  // last day 1/5, closed through Tuesday 3/5
    })
    void calendarDaysStartTheDayAfterReceiptAndEndOnAWorkingDay(String receivedAt, int d, LocalDate due) {
        Deadline deadline = calc.dueFor(t(receivedAt), ProcessingTime.calendarDays(d), LocalTime.of(15, 0));
        assertThat(deadline.dueDate()).isEqualTo(due);
        assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.of(due, LocalTime.of(17, 0), deadline.dueAt().getOffset()));
        assertThat(deadline.unit()).isEqualTo(ProcessingTime.Unit.CALENDAR_DAYS);
    }

    @Test
    void pauseAndResumeKeepTheRemainingCalendarDays() {
        Deadline d = calc.dueFor(t("2022-03-09T10:00"), ProcessingTime.calendarDays(10), null);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2022, 3, 21));

        Pause pause = calc.pause(d, t("2022-03-15T10:00"));
        assertThat(pause.clockStopped()).isTrue();
        assertThat(pause.remainingWorkingDays()).isEqualTo(6); // 16–21 March, weekend included

        Deadline resumed = calc.resume(pause, t("2022-03-18T09:00"), null);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2022, 3, 24)); // 18/3 + 6
        assertThat(resumed.unit()).isEqualTo(ProcessingTime.Unit.CALENDAR_DAYS);

        Deadline resumedBeforeAWeekend = calc.resume(pause, t("2022-03-20T09:00"), null);
        assertThat(resumedBeforeAWeekend.dueDate()).isEqualTo(LocalDate.of(2022, 3, 28)); // 26/3 is a Saturday
    }

    @Test
    void calendarDaysMustBePositive() {
        assertThatThrownBy(() -> ProcessingTime.calendarDays(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendar days");
    }
}
