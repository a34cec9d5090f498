package vn.motcua.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motcua.events.Decision;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.store.Dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * What a citizen sees by the short code on the slip, without login: where the dossier stands and its dates. Not the
 * dossier code, which names the dossier to staff endpoints, and no personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LookupView(
        String lookupCode,
        DossierStatus status,
        boolean paused,
        String procedureCode,
        String unitCode,
        OffsetDateTime receivedAt,
        LocalDate dueDate,
        OffsetDateTime dueAt,
        boolean dueDateProvisional,
        OffsetDateTime newAppointmentAt,
        OffsetDateTime resolvedAt,
        Decision decision,
        OffsetDateTime withdrawnAt) {

    static LookupView of(Dossier d) {
        boolean paused = d.status == DossierStatus.SUPPLEMENT_REQUESTED && Boolean.TRUE.equals(d.pauseClockStopped);
        return new LookupView(d.lookupCode, d.status, paused, d.procedureCode, d.unitCode, local(d.receivedAt),
                d.dueDate, local(d.dueAt), d.dueDateProvisional, local(d.newAppointmentAt), local(d.resolvedAt), d.decision,
                local(d.withdrawnAt));
    }
}
