package vn.motcua.intake.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.events.EventTypes;
import vn.motcua.events.Timeliness;
import vn.motcua.intake.calendar.CalendarService;
import vn.motcua.intake.outbox.Outbox;
import vn.motcua.intake.procedure.Procedure;
import vn.motcua.intake.web.Checks;
import vn.motcua.intake.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static vn.motcua.intake.time.LocalTimes.local;

/**
 * The steps after intake, as a state machine: each one locks the dossier row, refuses what its state does not
 * allow (409), and writes the change, a history step and the event in one transaction.
 */
@ApplicationScoped
public class DossierLifecycle {

    /** Local rule for the apology (form 04): sent on the due date, or one working day before. */
    public enum ApologyDeadline { DUE_DATE, ONE_WORKING_DAY_BEFORE }

    private static final Set<DossierStatus> OPEN = Set.of(DossierStatus.RECEIVED, DossierStatus.SUPPLEMENT_REQUESTED);

    @Inject
    CalendarService calendar;

    @Inject
    StepTimes times;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "motcua.intake.apology-deadline", defaultValue = "DUE_DATE")
    ApologyDeadline apologyDeadline;

    @Transactional
    public DossierView requestSupplement(String code, StepRequests.SupplementRequest body) {
        Dossier dossier = lockOpen(code, "request a supplement", Set.of(DossierStatus.RECEIVED));
        Checks checks = new Checks();
        Instant at = times.resolve(body == null ? null : body.requestedAt(), "requestedAt", dossier.lastStepAt, checks);
        checks.require("reason", body == null ? null : body.reason());
        checks.throwIfInvalid();
        Pause pause = calculator().pause(dossier.deadline(unitOf(dossier)), local(at));
        dossier.startPause(pause);
        dossier.status = DossierStatus.SUPPLEMENT_REQUESTED;
        Integer remaining = pause.clockStopped() && unitOf(dossier) == ProcessingTime.Unit.WORKING_DAYS
                ? pause.remainingWorkingDays() : null;
        String note = body.reason() + (pause.clockStopped() ? "" : " (after the due time: the clock does not stop)");
        return step(dossier, EventTypes.SUPPLEMENT_REQUESTED, at, note, remaining);
    }

    @Transactional
    public DossierView receiveSupplement(String code, StepRequests.SupplementReceived body) {
        Dossier dossier = lockOpen(code, "receive a supplement", Set.of(DossierStatus.SUPPLEMENT_REQUESTED));
        Checks checks = new Checks();
        Instant at = times.resolve(body == null ? null : body.receivedAt(), "receivedAt", dossier.lastStepAt, checks);
        checks.throwIfInvalid();
        Procedure procedure = Procedure.findById(dossier.procedureCode);
        Deadline resumed = calculator().resume(dossier.pause(procedure.processingUnit), local(at), procedure.cutoff);
        dossier.setDeadline(resumed);
        dossier.endPause();
        dossier.status = DossierStatus.RECEIVED;
        return step(dossier, EventTypes.SUPPLEMENT_RECEIVED, at, null, null);
    }

    @Transactional
    public DossierView apologise(String code, StepRequests.Apology body) {
        Dossier dossier = lockOpen(code, "issue an apology", OPEN);
        Checks checks = new Checks();
        Instant at = times.resolve(body == null ? null : body.issuedAt(), "issuedAt", dossier.lastStepAt, checks);
        checks.require("newAppointmentAt", body == null ? null : body.newAppointmentAt())
                .require("reason", body == null ? null : body.reason());
        if (body != null && body.newAppointmentAt() != null) {
            checks.check(body.newAppointmentAt().toInstant().isAfter(dossier.dueAt), "newAppointmentAt",
                    "must be after the current due time " + local(dossier.dueAt));
        }
        checks.throwIfInvalid();
        dossier.newAppointmentAt = body.newAppointmentAt().toInstant();
        String note = body.reason() + (apologyInTime(dossier, at) ? "" : " (sent later than the local rule "
                + apologyDeadline + " asks)");
        return step(dossier, EventTypes.APOLOGY_ISSUED, at, note, null);
    }

    @Transactional
    public DossierView resolve(String code, StepRequests.Result body) {
        Dossier dossier = lockOpen(code, "record a result", OPEN);
        Checks checks = new Checks();
        Instant at = times.resolve(body == null ? null : body.resolvedAt(), "resolvedAt", dossier.lastStepAt, checks);
        checks.require("decision", body == null ? null : body.decision());
        checks.throwIfInvalid();
        dossier.timeliness = timeliness(dossier, at);
        dossier.resolvedAt = at;
        dossier.decision = body.decision();
        dossier.status = DossierStatus.RESOLVED;
        return step(dossier, EventTypes.RESOLVED, at, body.decision().name(), null);
    }

    @Transactional
    public DossierView withdraw(String code, StepRequests.Withdrawal body) {
        Dossier dossier = lockOpen(code, "withdraw", OPEN);
        Checks checks = new Checks();
        Instant at = times.resolve(body == null ? null : body.withdrawnAt(), "withdrawnAt", dossier.lastStepAt, checks);
        checks.throwIfInvalid();
        dossier.withdrawnAt = at;
        dossier.status = DossierStatus.WITHDRAWN;
        return step(dossier, EventTypes.WITHDRAWN, at, null, null);
    }

    /**
     * Timeliness per DESIGN.md. A result given while the clock is stopped for a supplement is measured against
     * the time that was left, which cannot have run out.
     */
    private Timeliness timeliness(Dossier dossier, Instant at) {
        if (dossier.status == DossierStatus.SUPPLEMENT_REQUESTED && Boolean.TRUE.equals(dossier.pauseClockStopped)) {
            boolean timeLeft = dossier.pauseRemainingDays != null && dossier.pauseRemainingDays > 0
                    || dossier.pauseRemainingSeconds != null && dossier.pauseRemainingSeconds > 0;
            return timeLeft ? Timeliness.EARLY : Timeliness.ON_TIME;
        }
        return Timeliness.valueOf(calculator().timeliness(dossier.deadline(unitOf(dossier)), local(at)).name());
    }

    private boolean apologyInTime(Dossier dossier, Instant at) {
        LocalDate latest = dossier.dueDate;
        if (apologyDeadline == ApologyDeadline.ONE_WORKING_DAY_BEFORE) {
            // the working day before the due date: a few steps back at most, across a weekend or Tết
            do {
                latest = latest.minusDays(1);
            } while (!calculator().calendar().isWorkingDay(latest));
        }
        return !local(at).toLocalDate().isAfter(latest);
    }

    private DossierView step(Dossier dossier, String type, Instant at, String note, Integer remainingWorkingDays) {
        dossier.sequence++;
        dossier.lastStepAt = at;
        DossierSteps.record(dossier, type, at, note);
        outbox.append(type, local(at), DossierEventData.of(dossier, type, remainingWorkingDays));
        return DossierView.summary(dossier);
    }

    private static Dossier lockOpen(String code, String action, Set<DossierStatus> allowed) {
        Dossier dossier = Dossier.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null) {
            throw ProblemException.notFound("Dossier " + code);
        }
        if (!allowed.contains(dossier.status)) {
            throw ProblemException.conflict("Cannot " + action + ": dossier " + code + " is " + dossier.status + ".");
        }
        return dossier;
    }

    private static ProcessingTime.Unit unitOf(Dossier dossier) {
        return Procedure.<Procedure>findById(dossier.procedureCode).processingUnit;
    }

    private DeadlineCalculator calculator() {
        return calendar.calculator();
    }
}
