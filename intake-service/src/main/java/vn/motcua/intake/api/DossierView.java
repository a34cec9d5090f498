package vn.motcua.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;
import vn.motcua.events.Decision;
import vn.motcua.events.ResultDelivery;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierStep;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * A dossier as the API shows it: the appointment slip (form 01) after intake and to the kiosk that issued it; the
 * state with {@code history} to staff of its unit, with {@code applicant} to clerks and admins only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierView(
        String code,
        String lookupCode,
        DossierStatus status,
        OffsetDateTime receivedAt,
        LocalDate dueDate,
        OffsetDateTime dueAt,
        Boolean dueDateProvisional,
        String procedureCode,
        String unitCode,
        String receivedAtUnit,
        Channel channel,
        Integer onlineLevel,
        String onlineLevelName,
        Boolean paused,
        OffsetDateTime newAppointmentAt,
        Timeliness timeliness,
        OffsetDateTime resolvedAt,
        Decision decision,
        ResultDelivery resultDelivery,
        Integer handlingWorkingDays,
        OffsetDateTime withdrawnAt,
        ReceiveRequest.Applicant applicant,
        OffsetDateTime applicantErasedAt,
        List<Step> history) {

    /** {@code at}: when the step happened; {@code recordedBy}/{@code recordedAt}: who entered it, and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(long sequence, String type, OffsetDateTime at, String note, String recordedBy,
                       OffsetDateTime recordedAt) {
    }

    /** The appointment slip returned by an intake and by each step: no personal data, no history. */
    static DossierView summary(Dossier d) {
        return of(d, null, null);
    }

    /** With the history, and the applicant only when {@code showsApplicant}. */
    static DossierView withHistory(Dossier d, List<DossierStep> steps, boolean showsApplicant) {
        return of(d, showsApplicant
                        ? new ReceiveRequest.Applicant(d.applicantName, d.applicantIdNumber, d.applicantPhone) : null,
                steps.stream().map(s -> new Step(s.sequence, s.type, local(s.occurredAt), s.note, s.recordedBy,
                        local(s.recordedAt))).toList());
    }

    private static DossierView of(Dossier d, ReceiveRequest.Applicant applicant, List<Step> history) {
        boolean paused = d.status == DossierStatus.SUPPLEMENT_REQUESTED && Boolean.TRUE.equals(d.pauseClockStopped);
        return new DossierView(d.code, d.lookupCode, d.status, local(d.receivedAt), d.dueDate, local(d.dueAt),
                d.dueDateProvisional, d.procedureCode, d.unitCode, d.receivingUnit(), d.channel, d.onlineLevel, onlineLevelName(d.onlineLevel), paused,
                local(d.newAppointmentAt), d.timeliness, local(d.resolvedAt), d.decision, d.resultDelivery,
                d.handlingWorkingDays, local(d.withdrawnAt),
                d.applicantErasedAt == null ? applicant : null, local(d.applicantErasedAt), history);
    }

    /** Decree 43/2011 levels under their Decree 42/2022 names. */
    static String onlineLevelName(Integer level) {
        if (level == null) {
            return null;
        }
        return level == 4 ? "Mức độ 4 (toàn trình)" : "Mức độ 3 (một phần)";
    }
}
