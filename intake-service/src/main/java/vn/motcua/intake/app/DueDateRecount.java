package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.domain.DueDates;
import vn.motcua.intake.domain.OutboxStream;
import vn.motcua.intake.store.CatalogueRows;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierStep;
import vn.motcua.intake.store.OutboxRows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * Recomputes the due dates of open dossiers whose clock runs after the calendar changed
 * (docs/time-and-counting.md, "Provisional due dates"): the same receipt, processing time and cut-off as at receipt,
 * the supplement steps replayed, on the calendar as the database holds it. A dossier whose due date, due instant or
 * provisional flag comes out different takes the new ones, a history step and a {@code dossier.due-date-changed}
 * in the outbox, in one transaction.
 * <p>
 * Exactly once however many instances recompute, and however often: each dossier is recomputed in a transaction of
 * its own that holds the catalogue's change lock (no calendar change commits meanwhile, so the calendar read is the
 * latest) and the dossier's row lock, and writes only what differs from the row; the next instance to come finds
 * nothing to change. Paused dossiers are left alone: they are recomputed when they resume.
 */
@ApplicationScoped
public class DueDateRecount {

    /** Who the history step names as having recorded the change. */
    static final String RECORDED_BY = "intake-service";

    private static final Logger LOG = Logger.getLogger(DueDateRecount.class);

    private final CalendarService calendars;
    private final CatalogueRows rows;
    private final OutboxRows outbox;
    private final Clock clock;

    DueDateRecount(CalendarService calendars, CatalogueRows rows, OutboxRows outbox, Clock clock) {
        this.calendars = calendars;
        this.rows = rows;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * After a committed change of a year's schedule: every open dossier whose clock runs and whose range from receipt
     * to due date touches the year.
     *
     * @return how many dossiers this call changed
     */
    public int recountYear(int year, String reason) {
        LocalDate first = LocalDate.of(year, 1, 1);
        Instant next = LocalDate.of(year + 1, 1, 1).atStartOfDay(VietnamTime.ZONE).toInstant();
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> Dossier.runningCodesTouching(first, next));
        return recount(codes, dossier -> reason);
    }

    /**
     * Every open dossier whose clock runs and whose due date is provisional: at start, a year may have an official
     * schedule now (a release shipped it) that it had not when the due date was counted.
     *
     * @return how many dossiers this call changed
     */
    public int recountProvisional() {
        List<String> codes = QuarkusTransaction.requiringNew().call(Dossier::runningProvisionalCodes);
        return recount(codes, dossier -> "calendar: official schedules known now");
    }

    private int recount(List<String> codes, Function<Dossier, String> reason) {
        int changed = 0;
        for (String code : codes) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> recountOne(code, reason))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "due date of dossier %s not recomputed", code);
            }
        }
        if (changed > 0) {
            LOG.infof("due dates recomputed: %d of %d dossiers changed", changed, codes.size());
        }
        return changed;
    }

    private boolean recountOne(String code, Function<Dossier, String> reason) {
        rows.lockForChange();
        Dossier dossier = Dossier.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || dossier.isPaused() || dossier.status != DossierStatus.RECEIVED
                && dossier.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            return false;
        }
        Optional<ProcessingTime> time = dossier.processingTime();
        if (time.isEmpty()) {
            return false;
        }
        DeadlineCalculator calculator = calendars.calculatorAsStored();
        List<DueDates.SupplementStep> steps = DossierStep.history(code).stream()
                .filter(step -> step.type.equals(EventTypes.SUPPLEMENT_REQUESTED)
                        || step.type.equals(EventTypes.SUPPLEMENT_RECEIVED))
                .map(step -> new DueDates.SupplementStep(step.type.equals(EventTypes.SUPPLEMENT_REQUESTED),
                        step.occurredAt))
                .toList();
        Optional<Deadline> recounted = DueDates.recount(calculator, dossier.receivedAt, time.get(),
                dossier.deadlineCutoff, steps);
        if (recounted.isEmpty()) {
            return false;
        }
        Deadline deadline = recounted.get();
        boolean provisional = DueDates.provisional(calculator.calendar(), dossier.receivedAt, deadline.dueDate());
        if (deadline.dueDate().equals(dossier.dueDate) && deadline.dueAt().toInstant().equals(dossier.dueAt)
                && provisional == dossier.dueDateProvisional) {
            return false;
        }
        String why = reason.apply(dossier);
        LocalDate previousDate = dossier.dueDate;
        Instant previousAt = dossier.dueAt;
        dossier.setDeadline(deadline);
        dossier.dueDateProvisional = provisional;
        dossier.sequence++;
        // Not a step at the counter: lastStepAt stays, so a clerk may still record a step dated before now.
        Instant now = clock.instant();
        DossierStep.append(dossier, EventTypes.DUE_DATE_CHANGED, now, why + ": due " + local(previousAt)
                        + " → " + deadline.dueAt() + (provisional ? " (still provisional)" : ""), RECORDED_BY, now);
        outbox.append(OutboxStream.DOSSIER_EVENTS, code, dossier.sequence, EventTypes.DUE_DATE_CHANGED,
                DossierEvents.dueDateChanged(dossier, now, previousDate, previousAt, why));
        return true;
    }
}
