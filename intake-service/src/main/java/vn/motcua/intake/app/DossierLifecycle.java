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
import vn.motcua.intake.domain.DueDates;
import vn.motcua.intake.domain.HandlingTime;
import vn.motcua.intake.domain.PersonalText;
import vn.motcua.intake.domain.StepNotes;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierClockStop;
import vn.motcua.intake.store.DossierStep;
import vn.motcua.intake.domain.OutboxStream;
import vn.motcua.intake.store.OutboxRows;
import vn.motcua.intake.store.Procedure;
import vn.motcua.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * The steps after intake, as a state machine: each one locks the dossier row, refuses what its state does not
 * allow (409), and writes the change, a history step and the event in one transaction. Times left out are now.
 * Only a clerk or an admin acting for the dossier's unit may take a step ({@link DossierAccess}); the step records
 * who took it and when, besides when it happened.
 */
@ApplicationScoped
public class DossierLifecycle {

    private static final Set<DossierStatus> OPEN = Set.of(DossierStatus.RECEIVED, DossierStatus.SUPPLEMENT_REQUESTED);
    /** A clerk's reason, printed on forms 02 and 04. */
    private static final int MAX_REASON = 1000;

    private final CalendarService calendar;
    private final StepTimes times;
    private final OutboxRows outbox;
    private final IntakeConfig config;
    private final DossierAccess access;
    private final Recorders recorders;
    private final Clock clock;

    DossierLifecycle(CalendarService calendar, StepTimes times, OutboxRows outbox, IntakeConfig config,
                     DossierAccess access, Recorders recorders, Clock clock) {
        this.recorders = recorders;
        this.calendar = calendar;
        this.times = times;
        this.outbox = outbox;
        this.config = config;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Dossier requestSupplement(String code, OffsetDateTime requestedAt, String reason, Caller caller) {
        Dossier dossier = lockOpen(code, "request a supplement", Set.of(DossierStatus.RECEIVED), caller);
        Checks checks = new Checks();
        Instant at = times.resolve(requestedAt, "requestedAt", dossier.lastStepAt, checks, caller);
        checkReason(reason, checks);
        checks.throwIfInvalid();
        reason = PersonalText.normalised(reason);
        Deadline current = dossier.deadline(procedureUnit(dossier));
        Pause pause = calculator().pause(current, local(at));
        dossier.startPause(pause);
        dossier.status = DossierStatus.SUPPLEMENT_REQUESTED;
        // The event's field is in working days: a calendar-day pause keeps calendar days, an hour pause office time.
        Integer remaining = pause.clockStopped() && current.unit() == ProcessingTime.Unit.WORKING_DAYS
                ? pause.remainingWorkingDays() : null;
        return step(dossier, EventTypes.SUPPLEMENT_REQUESTED, at,
                StepNotes.supplementRequest(reason, pause.clockStopped()), remaining, caller);
    }

    @Transactional
    public Dossier receiveSupplement(String code, OffsetDateTime receivedAt, Caller caller) {
        Dossier dossier = lockOpen(code, "receive a supplement", Set.of(DossierStatus.SUPPLEMENT_REQUESTED), caller);
        Checks checks = new Checks();
        Instant at = times.resolve(receivedAt, "receivedAt", dossier.lastStepAt, checks, caller);
        checks.throwIfInvalid();
        Procedure procedure = Procedure.findById(dossier.procedureCode);
        // The cut-off as at receipt, like the unit; the procedure's own for a dossier that does not keep it.
        LocalTime cutoff = dossier.deadlineAmount != null ? dossier.deadlineCutoff : procedure.cutoff;
        DeadlineCalculator calculator = calculator();
        Deadline resumed = calculator.resume(dossier.pause(procedure.processingUnit), local(at), cutoff);
        dossier.setDeadline(resumed);
        dossier.dueDateProvisional = DueDates.provisional(calculator.calendar(), dossier.receivedAt, resumed.dueDate());
        if (Boolean.TRUE.equals(dossier.pauseClockStopped)) {
            DossierClockStop.record(dossier.code, dossier.pauseRequestedAt, at);
        }
        dossier.endPause();
        dossier.status = DossierStatus.RECEIVED;
        return step(dossier, EventTypes.SUPPLEMENT_RECEIVED, at, null, null, caller);
    }

    @Transactional
    public Dossier apologise(String code, OffsetDateTime issuedAt, OffsetDateTime newAppointmentAt, String reason,
                             Caller caller) {
        Dossier dossier = lockOpen(code, "issue an apology", OPEN, caller);
        Checks checks = new Checks();
        Instant at = times.resolve(issuedAt, "issuedAt", dossier.lastStepAt, checks, caller);
        checks.require("newAppointmentAt", newAppointmentAt);
        checkReason(reason, checks);
        if (newAppointmentAt != null) {
            checks.check(newAppointmentAt.toInstant().isAfter(dossier.dueAt), "newAppointmentAt",
                    "must be after the current due time " + local(dossier.dueAt));
        }
        checks.throwIfInvalid();
        dossier.newAppointmentAt = newAppointmentAt.toInstant();
        reason = PersonalText.normalised(reason);
        boolean inTime = !local(at).toLocalDate().isAfter(
                config.apologyDeadline().lastDay(dossier.dueDate, calculator().calendar()));
        return step(dossier, EventTypes.APOLOGY_ISSUED, at, StepNotes.apology(reason, inTime, config.apologyDeadline()),
                null, caller);
    }

    /** @param resultDelivery how the result reached the applicant; optional */
    @Transactional
    public Dossier resolve(String code, OffsetDateTime resolvedAt, Decision decision, ResultDelivery resultDelivery,
                           Caller caller) {
        Dossier dossier = lockOpen(code, "record a result", OPEN, caller);
        Checks checks = new Checks();
        Instant at = times.resolve(resolvedAt, "resolvedAt", dossier.lastStepAt, checks, caller);
        checks.require("decision", decision);
        checks.throwIfInvalid();
        DeadlineCalculator calculator = calculator();
        dossier.timeliness = timeliness(dossier, at, calculator);
        dossier.handlingWorkingDays = handlingWorkingDays(dossier, at, calculator);
        dossier.resolvedAt = at;
        dossier.decision = decision;
        dossier.resultDelivery = resultDelivery;
        dossier.status = DossierStatus.RESOLVED;
        return step(dossier, EventTypes.RESOLVED, at, decision.name(), null, caller);
    }

    @Transactional
    public Dossier withdraw(String code, OffsetDateTime withdrawnAt, Caller caller) {
        Dossier dossier = lockOpen(code, "withdraw", OPEN, caller);
        Checks checks = new Checks();
        Instant at = times.resolve(withdrawnAt, "withdrawnAt", dossier.lastStepAt, checks, caller);
        checks.throwIfInvalid();
        dossier.withdrawnAt = at;
        dossier.status = DossierStatus.WITHDRAWN;
        return step(dossier, EventTypes.WITHDRAWN, at, null, null, caller);
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

    private Dossier step(Dossier dossier, String type, Instant at, String note, Integer remainingWorkingDays,
                         Caller caller) {
        dossier.sequence++;
        dossier.lastStepAt = at;
        Recorder by = recorders.of(caller);
        DossierStep.append(dossier, type, at, note, by.name(), by.subject(), by.client(), clock.instant());
        outbox.append(OutboxStream.DOSSIER_EVENTS, dossier.code, dossier.sequence, type,
                DossierEvents.value(dossier, type, at, remainingWorkingDays));
        return dossier;
    }

    /** Free text of a clerk: required, NFC, at most {@value #MAX_REASON} characters, line breaks allowed. */
    private static void checkReason(String reason, Checks checks) {
        String text = PersonalText.normalised(reason);
        checks.require("reason", text)
                .maxLength("reason", text, MAX_REASON)
                .check(!PersonalText.hasControlInNote(text), "reason", "must not hold control characters");
    }

    /** The dossier, locked; refused (403) unless the caller acts for its unit, then (409) unless its state allows. */
    private Dossier lockOpen(String code, String action, Set<DossierStatus> allowed, Caller caller) {
        Dossier dossier = Dossier.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null) {
            throw ProblemException.notFound("Dossier " + code);
        }
        access.checkStep(caller, dossier);
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
