package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;
import vn.motcua.events.Decision;
import vn.motcua.events.ResultDelivery;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.domain.LocalTimes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** A dossier (hồ sơ) and its current state; the applicant's personal data never leaves this table. */
@Entity
@Table(name = "dossier")
public class Dossier extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "lookup_code", nullable = false, unique = true)
    public String lookupCode;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    /** The unit handling it (đơn vị giải quyết); a transfer to a closed unit's successor changes it. */
    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** The unit whose counter received it; null on rows written by builds before it was kept: {@link #unitCode}. */
    @Column(name = "received_at_unit")
    public String receivedAtUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "online_level")
    public Integer onlineLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DossierStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** The unit the deadline is counted in, fixed at receipt; null for dossiers received before it was kept. */
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_unit")
    public ProcessingTime.Unit deadlineUnit;

    /**
     * True when the due date was counted across a year without an official schedule and may still move
     * ({@link vn.motcua.intake.domain.DueDates#provisional}); set whenever the due date is computed.
     */
    @Column(name = "due_date_provisional", nullable = false)
    public boolean dueDateProvisional;

    /** The processing time's amount at receipt (in {@link #deadlineUnit}); null for dossiers received before it was kept. */
    @Column(name = "deadline_amount")
    public Integer deadlineAmount;

    /** The procedure's cut-off at receipt (null: the close time). */
    @Column(name = "deadline_cutoff")
    public LocalTime deadlineCutoff;

    /** When the latest step happened: a later step may not be dated before it. */
    @Column(name = "last_step_at", nullable = false)
    public Instant lastStepAt;

    /** The sequence of the latest event; the next one gets sequence + 1. */
    @Column(nullable = false)
    public long sequence;

    @Column(name = "pause_requested_at")
    public Instant pauseRequestedAt;

    @Column(name = "pause_clock_stopped")
    public Boolean pauseClockStopped;

    @Column(name = "pause_remaining_days")
    public Integer pauseRemainingDays;

    @Column(name = "pause_remaining_seconds")
    public Long pauseRemainingSeconds;

    @Column(name = "new_appointment_at")
    public Instant newAppointmentAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    public Timeliness timeliness;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_delivery")
    public ResultDelivery resultDelivery;

    /** See {@link vn.motcua.intake.domain.HandlingTime}; set with the result. */
    @Column(name = "handling_working_days")
    public Integer handlingWorkingDays;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Fingerprint of the intake request, to tell a retry from a different dossier under the same key or code. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    /** Who received it (a kiosk client or a clerk), as the token named the caller: a kiosk reads back its own slips. */
    @Column(name = "received_by")
    public String receivedBy;

    /** The receiver's token subject and client, kept on the first step's record only (store.NewDossierInsert). */
    @Transient
    public String receivedBySub;

    @Transient
    public String receivedByAzp;

    /** When the applicant's data was erased (store.ApplicantErasure); null while it is kept. */
    @Column(name = "applicant_erased_at")
    public Instant applicantErasedAt;

    // Null once erased.
    @Column(name = "applicant_name")
    public String applicantName;

    @Column(name = "applicant_id_number")
    public String applicantIdNumber;

    @Column(name = "applicant_phone")
    public String applicantPhone;

    /**
     * The deadline in force, in the unit it was computed in at receipt; {@code procedureUnit} (the procedure's unit
     * now) only for a dossier received before that unit was kept.
     */
    public Deadline deadline(ProcessingTime.Unit procedureUnit) {
        return new Deadline(dueDate, LocalTimes.local(dueAt), deadlineUnit != null ? deadlineUnit : procedureUnit);
    }

    public void setDeadline(Deadline deadline) {
        dueDate = deadline.dueDate();
        dueAt = deadline.dueAt().toInstant();
        deadlineUnit = deadline.unit();
    }

    /** The processing time the deadline was computed with at receipt; empty when the dossier does not keep it. */
    public Optional<ProcessingTime> processingTime() {
        return deadlineAmount == null || deadlineUnit == null ? Optional.empty()
                : Optional.of(new ProcessingTime(deadlineAmount, deadlineUnit));
    }

    /** Whether the clock is stopped for a supplement (paused): no due date runs. */
    public boolean isPaused() {
        return status == DossierStatus.SUPPLEMENT_REQUESTED && Boolean.TRUE.equals(pauseClockStopped);
    }

    /** Not resolved nor withdrawn, its clock running and past the due time (quá hạn). */
    public boolean isOverdueAt(Instant now) {
        boolean open = status == DossierStatus.RECEIVED || status == DossierStatus.SUPPLEMENT_REQUESTED;
        return open && !isPaused() && now.isAfter(dueAt);
    }

    /**
     * Open dossiers whose clock runs (not paused) and whose range from the receipt's local date to the due date
     * touches the year, by code. {@code yearStart}/{@code nextYearStart}: the year's first instant and the next's.
     */
    public static List<String> runningCodesTouching(LocalDate yearStart, Instant nextYearStart) {
        return getEntityManager().createQuery("""
                        SELECT d.code FROM Dossier d
                        WHERE (d.status = :received OR (d.status = :requested AND (d.pauseClockStopped IS NULL OR d.pauseClockStopped = false)))
                          AND d.dueDate >= :yearStart AND d.receivedAt < :nextYearStart
                        ORDER BY d.code""", String.class)
                .setParameter("received", DossierStatus.RECEIVED)
                .setParameter("requested", DossierStatus.SUPPLEMENT_REQUESTED)
                .setParameter("yearStart", yearStart).setParameter("nextYearStart", nextYearStart)
                .getResultList();
    }

    /** Open dossiers whose clock runs and whose due date is provisional, by code. */
    public static List<String> runningProvisionalCodes() {
        return getEntityManager().createQuery("""
                        SELECT d.code FROM Dossier d
                        WHERE (d.status = :received OR (d.status = :requested AND (d.pauseClockStopped IS NULL OR d.pauseClockStopped = false)))
                          AND d.dueDateProvisional = true
                        ORDER BY d.code""", String.class)
                .setParameter("received", DossierStatus.RECEIVED)
                .setParameter("requested", DossierStatus.SUPPLEMENT_REQUESTED)
                .getResultList();
    }

    public void startPause(Pause pause) {
        pauseRequestedAt = pause.requestedAt().toInstant();
        pauseClockStopped = pause.clockStopped();
        pauseRemainingDays = pause.remainingWorkingDays();
        pauseRemainingSeconds = pause.remainingOfficeTime().toSeconds();
    }

    /** The pause in force; {@code procedureUnit} as in {@link #deadline}. */
    public Pause pause(ProcessingTime.Unit procedureUnit) {
        return new Pause(deadline(procedureUnit), LocalTimes.local(pauseRequestedAt),
                Boolean.TRUE.equals(pauseClockStopped),
                pauseRemainingDays == null ? 0 : pauseRemainingDays,
                Duration.ofSeconds(pauseRemainingSeconds == null ? 0 : pauseRemainingSeconds));
    }

    public void endPause() {
        pauseRequestedAt = null;
        pauseClockStopped = null;
        pauseRemainingDays = null;
        pauseRemainingSeconds = null;
    }

    /** The counter that received it: {@link #receivedAtUnit}, or for older rows the unit that handled it then. */
    public String receivingUnit() {
        return receivedAtUnit != null ? receivedAtUnit : unitCode;
    }

    /**
     * Up to {@code limit} dossiers of {@code unitCode} that had not closed before {@code closedFrom} (open, or
     * resolved or withdrawn from then on), locked until the transaction ends. Rows another transaction holds are
     * skipped, not waited for: two instances moving the same unit's dossiers share them, each moved once.
     */
    @SuppressWarnings("unchecked")
    public static List<String> lockTransferable(String unitCode, Instant closedFrom, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT code FROM dossier
                        WHERE unit_code = :unit
                          AND COALESCE(resolved_at, withdrawn_at, 'infinity'::timestamptz) >= :closedFrom
                        ORDER BY code LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .setParameter("unit", unitCode).setParameter("closedFrom", closedFrom).setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Closed (resolved or withdrawn) before {@code closedBefore} and not yet erased, locked; rows another run holds
     * are skipped, so overlapping runs erase each dossier once.
     */
    @SuppressWarnings("unchecked")
    public static List<String> lockErasable(Instant closedBefore, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT code FROM dossier
                        WHERE applicant_erased_at IS NULL AND status IN ('RESOLVED', 'WITHDRAWN')
                          AND COALESCE(resolved_at, withdrawn_at) < :closedBefore
                        ORDER BY COALESCE(resolved_at, withdrawn_at) LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .setParameter("closedBefore", closedBefore).setParameter("limit", limit)
                .getResultList();
    }

    public static Optional<Dossier> findByLookupCode(String lookupCode) {
        return find("lookupCode", lookupCode).firstResultOptional();
    }
}
