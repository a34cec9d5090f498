package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official schedules of 2025 and 2026 (docs/time-and-counting.md, sources there) against the Labour Code rule
 * the calendar fell back to before they were shipped: each day on which the two differ, and a slip's due date
 * across it.
 */
class OfficialSchedules2025And2026Test {

    private final WorkCalendar official = WorkCalendar.vietnam();
    private final WorkCalendar rule = WorkCalendar.laborCodeOnly();

    @ParameterizedTest(name = "{0}: official working day {1}, by the rule {2}")
    @CsvSource({
        "2025-01-27, false, true",  // Tết Ất Tỵ closes Mon 27/1 – Fri 31/1
        "2025-02-03, true,  false", // the rule's day in lieu, not in the schedule
        "2025-04-26, true,  false", // Saturday worked for Fri 2/5
        "2025-04-30, false, false",
        "2025-05-01, false, false",
        "2025-05-02, false, true",
        "2025-09-01, false, false",
        "2025-09-02, false, false",
        "2026-01-01, false, false",
        "2026-01-02, false, true",  // Fri 2/1 swapped …
        "2026-01-10, true,  false", // … for Sat 10/1
        "2026-02-16, false, false",
        "2026-02-20, false, false",
        "2026-04-27, false, false", // Giỗ Tổ on Sunday 26/4, in lieu Monday
        "2026-08-22, true,  false", // Saturday worked for Mon 31/8
        "2026-08-31, false, true",
        "2026-09-01, false, true",
        "2026-09-02, false, false",
        "2026-09-03, true,  false", // the rule's adjacent day of 2/9, not in the schedule
    })
    void eachDayAsTheScheduleSays(LocalDate day, boolean officialWorking, boolean ruleWorking) {
        assertThat(official.isWorkingDay(day)).as("official").isEqualTo(officialWorking);
        assertThat(rule.isWorkingDay(day)).as("Labour Code rule").isEqualTo(ruleWorking);
    }

    @ParameterizedTest(name = "received {0} + {1} working days: due {2} (the rule said {3})")
    @CsvSource({
        "2025-01-24T09:00, 1, 2025-02-03, 2025-01-27",
        "2025-01-30T09:00, 1, 2025-02-04, 2025-02-05", // received online during Tết
        "2025-04-25T09:00, 1, 2025-04-26, 2025-04-28",
        "2025-04-29T09:00, 1, 2025-05-05, 2025-05-02",
        "2025-12-31T09:00, 1, 2026-01-05, 2026-01-02",
        "2026-01-09T09:00, 1, 2026-01-10, 2026-01-12",
        "2026-08-20T09:00, 3, 2026-08-24, 2026-08-25", // the 3-working-day slip of Thu 20/8/2026
        "2026-08-28T09:00, 1, 2026-09-03, 2026-08-31",
        "2026-09-02T10:00, 1, 2026-09-04, 2026-09-07", // received online on Quốc khánh
    })
    void theSlipsDueDate(String receivedAt, int days, LocalDate officialDue, LocalDate ruleDue) {
        OffsetDateTime received = OffsetDateTime.parse(receivedAt + "+07:00");
        ProcessingTime time = ProcessingTime.workingDays(days);
        assertThat(DeadlineCalculator.vietnam().dueFor(received, time, null).dueDate()).isEqualTo(officialDue);
        assertThat(DeadlineCalculator.vietnam().withCalendar(rule).dueFor(received, time, null).dueDate())
                .as("by the Labour Code rule").isEqualTo(ruleDue);
    }

    @Test
    void bothYearsAreOfficialAnd2027IsNot() {
        assertThat(official.officialSchedule(2025)).isPresent();
        assertThat(official.officialSchedule(2026)).isPresent();
        assertThat(official.officialSchedule(2027)).isEmpty();
    }
}
