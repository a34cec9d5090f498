package vn.motcua.deadline.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When "due soon" is: a fixed lead before dueAt when configured, otherwise a local time on the due date (default
 * the office opening, 07:30 in Asia/Ho_Chi_Minh), so supervisors see the day's deadlines when the office opens.
 */
public record DueSoonPolicy(Optional<Duration> lead, LocalTime timeOnDueDate, ZoneId zone) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final LocalTime OFFICE_OPENING = LocalTime.of(7, 30);

    public static DueSoonPolicy officeOpening() {
        return new DueSoonPolicy(Optional.empty(), OFFICE_OPENING, VIETNAM);
    }

    public static DueSoonPolicy leadOf(Duration lead) {
        return new DueSoonPolicy(Optional.of(lead), OFFICE_OPENING, VIETNAM);
    }

    public Instant dueSoonAt(Instant dueAt) {
        if (lead.isPresent()) {
            return dueAt.minus(lead.get());
        }
        Instant onDueDate = dueAt.atZone(zone).toLocalDate().atTime(timeOnDueDate).atZone(zone).toInstant();
        return onDueDate.isAfter(dueAt) ? dueAt : onDueDate;
    }
}
