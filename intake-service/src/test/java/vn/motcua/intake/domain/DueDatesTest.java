package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DueDatesTest {

    private static final ProcessingTime THREE_DAYS = ProcessingTime.workingDays(3);

    @Test
    void provisionalWhenAYearOfTheRangeHasNoOfficialSchedule() {
        WorkCalendar vietnam = WorkCalendar.vietnam();
        assertThat(DueDates.provisional(vietnam, at("2026-11-02T09:00:00+07:00"), LocalDate.of(2026, 11, 5))).isFalse();
        assertThat(DueDates.provisional(vietnam, at("2026-12-30T09:00:00+07:00"), LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(DueDates.provisional(vietnam, at("2021-12-30T09:00:00+07:00"), LocalDate.of(2022, 1, 5))).isTrue();
        WorkCalendar with2027 = vietnam.withSchedule(YearSchedule.of(2027, List.of(LocalDate.of(2027, 1, 1)), List.of()));
        assertThat(DueDates.provisional(with2027, at("2026-12-30T09:00:00+07:00"), LocalDate.of(2027, 1, 4))).isFalse();
    }

    /**
     * Received Mon 1/3/2027 09:00, due Thu 4/3; supplement asked Tue 2/3 (R = 2), received Mon 8/3: Wed 10/3. With
     * Wed 3/3 and Tue 9/3 closed, replayed: due Fri 5/3, R = 2 still (4/3, 5/3), resumed Wed 10/3 and Thu 11/3.
     */
    @Test
    void theRecountReplaysTheSupplementSteps() {
        DeadlineCalculator rule = DeadlineCalculator.vietnam();
        List<DueDates.SupplementStep> steps = List.of(new DueDates.SupplementStep(true, at("2027-03-02T10:00:00+07:00")),
                new DueDates.SupplementStep(false, at("2027-03-08T09:00:00+07:00")));
        assertThat(dueDate(rule, steps)).contains(LocalDate.of(2027, 3, 10));

        DeadlineCalculator entered = new DeadlineCalculator(WorkCalendar.vietnam().withSchedule(YearSchedule.of(2027,
                List.of(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 9)), List.of())), OfficeHours.standard(),
                VietnamTime.ZONE);
        assertThat(dueDate(entered, List.of())).contains(LocalDate.of(2027, 3, 5));
        assertThat(dueDate(entered, steps)).contains(LocalDate.of(2027, 3, 11));
    }

    /** Asked Fri 5/3 10:00, after the rule's dueAt (Thu 4/3): no stop then; the new calendar's 5/3 would stop it. */
    @Test
    void aRequestThatWouldNowStopTheClockLeavesTheDossierAsItIs() {
        DeadlineCalculator entered = new DeadlineCalculator(WorkCalendar.vietnam().withSchedule(YearSchedule.of(2027,
                List.of(LocalDate.of(2027, 3, 3)), List.of())), OfficeHours.standard(), VietnamTime.ZONE);
        List<DueDates.SupplementStep> late = List.of(new DueDates.SupplementStep(true, at("2027-03-05T10:00:00+07:00")));
        assertThat(dueDate(DeadlineCalculator.vietnam(), late)).contains(LocalDate.of(2027, 3, 4));
        assertThat(dueDate(entered, late)).isEmpty();
    }

    private static Optional<LocalDate> dueDate(DeadlineCalculator calculator, List<DueDates.SupplementStep> steps) {
        return DueDates.recount(calculator, at("2027-03-01T09:00:00+07:00"), THREE_DAYS, null, steps)
                .map(Deadline::dueDate);
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
