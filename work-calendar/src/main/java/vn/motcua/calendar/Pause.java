package vn.motcua.calendar;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The clock stop of a supplement request (yêu cầu bổ sung hồ sơ).
 *
 * @param deadline             the deadline that was running when the supplement was requested
 * @param requestedAt          when the supplement was requested
 * @param clockStopped         false when the request came after dueAt: then the clock does not stop and the dossier
 *                             stays overdue; resuming gives the same deadline back
 * @param remainingWorkingDays WORKING_DAYS deadlines: R, the working days strictly after the request's local date up
 *                             to and including the due date; CALENDAR_DAYS deadlines: the calendar days so counted
 *                             (0 when the clock did not stop)
 * @param remainingOfficeTime  WORKING_HOURS deadlines: the office time left between the request and dueAt
 *                             (zero for working-day deadlines and when the clock did not stop)
 */
public record Pause(Deadline deadline, OffsetDateTime requestedAt, boolean clockStopped,
                    int remainingWorkingDays, Duration remainingOfficeTime) {

    public Pause {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(remainingOfficeTime, "remainingOfficeTime");
        if (remainingWorkingDays < 0 || remainingOfficeTime.isNegative()) {
            throw new IllegalArgumentException("remaining time of a pause cannot be negative");
        }
    }
}
