package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.LocalDaysOff;
import vn.motcua.calendar.WorkCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/time-and-counting.md, "Handling time", and its edges. */
class HandlingTimeTest {

    private static final DeadlineCalculator VIETNAM = DeadlineCalculator.vietnam();

    /**
     * The golden fixtures' dossier: received Wed 5/1/2022 08:30 (S = 5/1), 3 working days, supplement requested Thu
     * 6/1 10:00 and received Wed 12/1 09:00 (S = 12/1), resolved Tue 18/1 16:00. Working days after S up to 18/1: 6,
     * 7, 10, 11, 12, 13, 14, 17, 18 (9); stopped: 7, 10, 11, 12 (4). H = 5: the 3 of the deadline and 2 days late.
     */
    @Test
    void theGoldenDossierTookFiveWorkingDays() {
        List<HandlingTime.ClockStop> stops = List.of(
                new HandlingTime.ClockStop(t("2022-01-06T10:00"), t("2022-01-12T09:00")));
        assertThat(days(t("2022-01-05T08:30"), stops, t("2022-01-18T16:00"))).isEqualTo(5);
        assertThat(days(t("2022-01-05T08:30"), List.of(), t("2022-01-18T16:00"))).as("without the stop").isEqualTo(9);
    }

    @Test
    void aResultOnTheStartDayTookNoWorkingDayAndOnTheNextOne() {
        assertThat(days(t("2022-01-05T08:30"), List.of(), t("2022-01-05T16:00"))).isZero();
        assertThat(days(t("2022-01-05T08:30"), List.of(), t("2022-01-06T08:00"))).isEqualTo(1);
        // Received Fri 28/1 before Tết, resolved Mon 7/2: 31/1–4/2 are closed, the weekend too.
        assertThat(days(t("2022-01-28T09:00"), List.of(), t("2022-02-07T09:00"))).isEqualTo(1);
    }

    /** After the cut-off S is the next working day; a result before it counts 0, not less. */
    @Test
    void aResultBeforeTheStartDayTookNone() {
        assertThat(VIETNAM.startDay(t("2022-01-05T16:00"), LocalTime.of(15, 0))).isEqualTo("2022-01-06");
        assertThat(HandlingTime.workingDays(VIETNAM, t("2022-01-05T16:00"), LocalTime.of(15, 0), List.of(),
                t("2022-01-05T16:30"))).isZero();
        assertThat(HandlingTime.workingDays(VIETNAM, t("2022-01-05T16:00"), LocalTime.of(15, 0), List.of(),
                t("2022-01-07T09:00"))).isEqualTo(1);
    }

    /** Resolved while the supplement is awaited: the clock stopped on the day after the request, for good. */
    @Test
    void aResultWhileTheClockIsStoppedCountsUpToTheRequest() {
        List<HandlingTime.ClockStop> open = List.of(new HandlingTime.ClockStop(t("2022-01-06T10:00"), null));
        assertThat(days(t("2022-01-05T08:30"), open, t("2022-01-18T16:00"))).isEqualTo(1);
    }

    /** A supplement after the cut-off restarts the count the next working day: that day is still stopped. */
    @Test
    void theClockRestartsOnTheSupplementsStartDay() {
        List<HandlingTime.ClockStop> lateArrival = List.of(
                new HandlingTime.ClockStop(t("2022-01-06T10:00"), t("2022-01-12T17:30")));
        assertThat(days(t("2022-01-05T08:30"), lateArrival, t("2022-01-18T16:00"))).isEqualTo(4);
    }

    /** Two stops that share a day (a new request the evening the last supplement came) stop it once. */
    @Test
    void overlappingStopsCountEachDayOnce() {
        List<HandlingTime.ClockStop> stops = List.of(
                new HandlingTime.ClockStop(t("2022-01-06T10:00"), t("2022-01-12T17:30")),
                new HandlingTime.ClockStop(t("2022-01-12T17:45"), t("2022-01-14T09:00")));
        // Stopped: 7, 10, 11, 12, 13 (S of 12/1 17:30) and 13, 14: six days of 6..18; left: 6, 17, 18.
        assertThat(days(t("2022-01-05T08:30"), stops, t("2022-01-18T16:00"))).isEqualTo(3);
    }

    /** The calendar in force counts: a province's day off is no working day. */
    @Test
    void aLocalDayOffIsNotAWorkingDay() {
        DeadlineCalculator withDayOff = VIETNAM.withCalendar(WorkCalendar.vietnam().withLocalDaysOff(
                new LocalDaysOff("thử", List.of(new DayOff(LocalDate.of(2022, 1, 17), "Lễ hội")))));
        assertThat(HandlingTime.workingDays(withDayOff, t("2022-01-05T08:30"), null, List.of(), t("2022-01-18T16:00")))
                .isEqualTo(8);
    }

    private static int days(Instant receivedAt, List<HandlingTime.ClockStop> stops, Instant resolvedAt) {
        return HandlingTime.workingDays(VIETNAM, receivedAt, null, stops, resolvedAt);
    }

    private static Instant t(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+07:00").toInstant();
    }
}
