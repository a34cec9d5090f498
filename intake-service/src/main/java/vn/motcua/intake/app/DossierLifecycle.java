package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.api.Checks;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Decision;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.domain.HandlingTime;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierClockStop;
import vn.motcua.intake.store.DossierStep;
import vn.motcua.intake.store.OutboxRows;
import vn.motcua.intake.store.Procedure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * The steps after intake, as a state machine: each one locks the dossier row, refuses what its state does not
 * allow (409), and writes the change, a history step and the event in one transaction. Times left out are now.
 */
@ApplicationScoped
public class DossierLifecycle {

    private static final Set<DossierStatus> OPEN = Set.of(DossierStatus.RECEIVED, DossierStatus.SUPPLEMENT_REQUESTED);

    private final CalendarService calendar;
    private final StepTimes times;
    private final OutboxRows outbox;
    private final IntakeConfig config;

    DossierLifecycle(CalendarService calendar, StepTimes times, OutboxRows outbox, IntakeConfig config) {
        this.calendar = calendar;
        this.times = times;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public Dossier requestSupplement(String code, OffsetDateTime requestedAt, String reason) {
        Dossier dossier = lockOpen(code, "request a supplement", Set.of(DossierStatus.RECEIVED));
        Checks checks = new Checks();
        Instant at = times.resolve(requestedAt, "requestedAt", dossier.lastStepAt, checks);
        checks.require("reason", reason);
        checks.throwIfInvalid();
        Deadline current = dossier.deadline(procedureUnit(dossier));
        Pause pause = calculator().pause(current, local(at));
        dossier.startPause(pause);
        dossier.status = DossierStatus.SUPPLEMENT_REQUESTED;
        // The event's field is in working days: a calendar-day pause keeps calendar days, an hour pause office time.
        Integer remaining = pause.clockStopped() && current.unit() == ProcessingTime.Unit.WORKING_DAYS
                ? pause.remainingWorkingDays() : null;
        String note = reason + (pause.clockStopped() ? "" : " (after the due time: the clock does not stop)");
        return step(dossier, EventTypes.SUPPLEMENT_REQUESTED, at, note, remaining);
    }

    @Transactional
    public Dossier receiveSupplement(String code, OffsetDateTime receivedAt) {
        Dossier dossier = lockOpen(code, "receive a supplement", Set.of(DossierStatus.SUPPLEMENT_REQUESTED));
        Checks checks = new Checks();
        Instant at = times.resolve(receivedAt, "receivedAt", dossier.lastStepAt, checks);
        checks.throwIfInvalid();
        Procedure procedure = Procedure.findById(dossier.procedureCode);
        Deadline resumed = calculator().resume(dossier.pause(procedure.processingUnit), local(at), procedure.cutoff);
        dossier.setDeadline(resumed);
        if (Boolean.TRUE.equals(dossier.pauseClockStopped)) {
            DossierClockStop.record(dossier.code, dossier.pauseRequestedAt, at);
        }
        dossier.endPause();
        dossier.status = DossierStatus.RECEIVED;
        return step(dossier, EventTypes.SUPPLEMENT_RECEIVED, at, null, null);
    }

    @Transactional
    public Dossier apologise(String code, OffsetDateTime issuedAt, OffsetDateTime newAppointmentAt, String reason) {
        Dossier dossier = lockOpen(code, "issue an apology", OPEN);
        Checks checks = new Checks();
        Instant at = times.resolve(issuedAt, "issuedAt", dossier.lastStepAt, checks);
        checks.require("newAppointmentAt", newAppointmentAt).require("reason", reason);
        if (newAppointmentAt != null) {
            checks.check(newAppointmentAt.toInstant().isAfter(dossier.dueAt), "newAppointmentAt",
                    "must be after the current due time " + local(dossier.dueAt));
        }
        checks.throwIfInvalid();
        dossier.newAppointmentAt = newAppointmentAt.toInstant();
        boolean inTime = !local(at).toLocalDate().isAfter(
                config.apologyDeadline().lastDay(dossier.dueDate, calculator().calendar()));
        String note = reason + (inTime ? "" : " (sent later than the local rule " + config.apologyDeadline() + " asks)");
        return step(dossier, EventTypes.APOLOGY_ISSUED, at, note, null);
    }

    /** @param resultDelivery how the result reached the applicant; optional */
    @Transactional
    public Dossier resolve(String code, OffsetDateTime resolvedAt, Decision decision, ResultDelivery resultDelivery) {
        Dossier dossier = lockOpen(code, "record a result", OPEN);
        Checks checks = new Checks();
        Instant at = times.resolve(resolvedAt, "resolvedAt", dossier.lastStepAt, checks);
        checks.require("decision", decision);
        checks.throwIfInvalid();
        DeadlineCalculator calculator = calculator();
        dossier.timeliness = timeliness(dossier, at, calculator);
        dossier.handlingWorkingDays = handlingWorkingDays(dossier, at, calculator);
        dossier.resolvedAt = at;
        dossier.decision = decision;
        dossier.resultDelivery = resultDelivery;
        dossier.status = DossierStatus.RESOLVED;
        return step(dossier, EventTypes.RESOLVED, at, decision.name(), null);
    }

    @Transactional
    public Dossier withdraw(String code, OffsetDateTime withdrawnAt) {
        Dossier dossier = lockOpen(code, "withdraw", OPEN);
        Checks checks = new Checks();
        Instant at = times.resolve(withdrawnAt, "withdrawnAt", dossier.lastStepAt, checks);
        checks.throwIfInvalid();
        dossier.withdrawnAt = at;
        dossier.status = DossierStatus.WITHDRAWN;
        return step(dossier, EventTypes.WITHDRAWN, at, null, null);
    }

    /**
     * Timeliness as docs/time-and-counting.md defines it. A result given while the clock is stopped for a
     * supplement is measured against the time that was left, which cannot have run out.
     */
    private Timeliness timeliness(Dossier dossier, Instant at, DeadlineCalculator calculator) {
        if (isStopped(dossier)) {
            boolean timeLeft = dossier.pauseRemainingDays != null && dossier.pauseRemainingDays > 0
                    || dossier.pauseRemainingSeconds != null && dossier.pauseRemainingSeconds > 0;
            return timeLeft ? Timeliness.EARLY : Timeliness.ON_TIME;
        }
        return calculator.timeliness(dossier.deadline(procedureUnit(dossier)), local(at));
    }

    /** {@link HandlingTime}: the ended stops, and the one still running when the result comes while it runs. */
    private static int handlingWorkingDays(Dossier dossier, Instant at, DeadlineCalculator calculator) {
        List<HandlingTime.ClockStop> stops = new ArrayList<>(DossierClockStop.of(dossier.code));
        if (isStopped(dossier)) {
            stops.add(new HandlingTime.ClockStop(dossier.pauseRequestedAt, null));
        }
        Procedure procedure = Procedure.findById(dossier.procedureCode);
        return HandlingTime.workingDays(calculator, dossier.receivedAt, procedure.cutoff, stops, at);
    }

    private static boolean isStopped(Dossier dossier) {
        return dossier.status == DossierStatus.SUPPLEMENT_REQUESTED && Boolean.TRUE.equals(dossier.pauseClockStopped);
    }

    private Dossier step(Dossier dossier, String type, Instant at, String note, Integer remainingWorkingDays) {
        dossier.sequence++;
        dossier.lastStepAt = at;
        DossierStep.append(dossier, type, at, note);
        outbox.append(OutboxRows.Stream.DOSSIER_EVENTS, dossier.code, dossier.sequence, type,
                DossierEvents.value(dossier, type, at, remainingWorkingDays));
        return dossier;
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

    /** The procedure's unit, looked up only for a dossier that does not keep its own ({@link Dossier#deadline}). */
    private static ProcessingTime.Unit procedureUnit(Dossier dossier) {
        return dossier.deadlineUnit != null ? dossier.deadlineUnit
                : Procedure.<Procedure>findById(dossier.procedureCode).processingUnit;
    }

    private DeadlineCalculator calculator() {
        return calendar.calculator();
    }
}
