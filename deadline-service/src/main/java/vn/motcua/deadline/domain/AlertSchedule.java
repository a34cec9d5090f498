package vn.motcua.deadline.domain;

import vn.motcua.events.EventTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Which alert of a deadline falls due next, and what to send at a given instant. Plain logic, no I/O. */
public final class AlertSchedule {

    /** "Overdue from the first instant after dueAt": one microsecond, the database's resolution. */
    static final Duration FIRST_INSTANT_AFTER = Duration.ofNanos(1_000);

    private final DueSoonPolicy dueSoon;

    public AlertSchedule(DueSoonPolicy dueSoon) {
        this.dueSoon = dueSoon;
    }

    /** The next alert not yet sent; empty for closed and paused dossiers, which never alert. */
    public Optional<PlannedAlert> next(TrackedDeadline deadline) {
        if (!deadline.isRunning()) {
            return Optional.empty();
        }
        Instant dueAt = deadline.dueAt();
        PlannedAlert soon = null;
        PlannedAlert overdue = null;
        PlannedAlert missed = null;
        if (!dueAt.equals(deadline.overdueSentFor())) {
            if (!dueAt.equals(deadline.dueSoonSentFor())) {
                soon = new PlannedAlert(EventTypes.DUE_SOON, dueSoon.dueSoonAt(dueAt), dueAt);
            }
            overdue = new PlannedAlert(EventTypes.OVERDUE, dueAt.plus(FIRST_INSTANT_AFTER), dueAt);
        }
        Instant appointment = deadline.newAppointmentAt();
        if (appointment != null && !appointment.equals(deadline.appointmentMissedSentFor())) {
            missed = new PlannedAlert(EventTypes.APPOINTMENT_MISSED, appointment.plus(FIRST_INSTANT_AFTER), appointment);
        }
        return Stream.of(soon, overdue, missed).filter(a -> a != null).min(Comparator.comparing(PlannedAlert::at));
    }

    /**
     * The alerts due at {@code now} and the deadline with them marked sent. A due-soon whose dueAt has already
     * passed is marked without being sent: the overdue alert says more.
     */
    public Firing fire(TrackedDeadline deadline, Instant now) {
        List<PlannedAlert> toSend = new ArrayList<>();
        TrackedDeadline current = deadline;
        for (Optional<PlannedAlert> next = next(current); next.isPresent() && !next.get().at().isAfter(now);
             next = next(current)) {
            PlannedAlert alert = next.get();
            switch (alert.type()) {
                case EventTypes.DUE_SOON -> {
                    if (!now.isAfter(current.dueAt())) {
                        toSend.add(alert);
                    }
                    current = current.withDueSoonSentFor(alert.about());
                }
                case EventTypes.OVERDUE -> {
                    toSend.add(alert);
                    current = current.withOverdueSentFor(alert.about());
                }
                default -> {
                    toSend.add(alert);
                    current = current.withAppointmentMissedSentFor(alert.about());
                }
            }
        }
        return new Firing(toSend, current, next(current).map(PlannedAlert::at).orElse(null));
    }

    /** @param nextAlertAt when the deadline's next alert falls due after these, or null */
    public record Firing(List<PlannedAlert> toSend, TrackedDeadline deadline, Instant nextAlertAt) {
    }
}
