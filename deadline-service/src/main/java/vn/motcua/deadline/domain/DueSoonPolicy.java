package vn.motcua.deadline.domain;

import vn.motcua.calendar.VietnamTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When "due soon" is: a fixed lead before dueAt when configured, otherwise a local time on the due date (default
 * the office opening, 07:30 in Vietnam), so supervisors see the day's deadlines when the office opens.
 */
public record DueSoonPolicy(Optional<Duration> lead, LocalTime timeOnDueDate) {

    public static final LocalTime OFFICE_OPENING = LocalTime.of(7, 30);

    public static DueSoonPolicy officeOpening() {
        return new DueSoonPolicy(Optional.empty(), OFFICE_OPENING);
    }

    public static DueSoonPolicy leadOf(Duration lead) {
        return new DueSoonPolicy(Optional.of(lead), OFFICE_OPENING);
    }

    public Instant dueSoonAt(Instant dueAt) {
        if (lead.isPresent()) {
            return dueAt.minus(lead.get());
        }
        Instant onDueDate = dueAt.atZone(VietnamTime.ZONE).toLocalDate().atTime(timeOnDueDate)
                .atZone(VietnamTime.ZONE).toInstant();
        return onDueDate.isAfter(dueAt) ? dueAt : onDueDate;
    }
}
