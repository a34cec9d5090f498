package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.events.Decision;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.domain.LookupCodes;
import vn.motcua.intake.domain.StepNotes;
import vn.motcua.intake.store.Catalogue;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierStep;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * A citizen's lookup by the short code on the slip, for the status page: where the dossier stands, under the
 * names the citizen knows, and nothing else (neither the dossier code nor personal data). Reads only.
 */
@ApplicationScoped
public class CitizenLookup {

    /**
     * What the status page may show of one dossier. {@code supplementAsked} and {@code apologyReason} are the clerk's
     * reasons of forms 02 and 04, without intake's remarks for staff; {@code overdue} is as of the lookup.
     */
    public record Found(String lookupCode, String procedureName, String unitName, DossierStatus status,
                        boolean paused, boolean overdue, OffsetDateTime receivedAt, LocalDate dueDate,
                        boolean dueDateProvisional, String supplementAsked, OffsetDateTime newAppointmentAt,
                        String apologyReason, OffsetDateTime resolvedAt, Decision decision,
                        ResultDelivery resultDelivery, OffsetDateTime withdrawnAt) {
    }

    private final Catalogue catalogue;
    private final Clock clock;

    CitizenLookup(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The dossier of the code a citizen typed; empty for a code that is malformed or unknown, alike. */
    @Transactional
    public Optional<Found> find(String typedCode) {
        return LookupCodes.normalised(typedCode).flatMap(Dossier::findByLookupCode).map(this::found);
    }

    private Found found(Dossier d) {
        String supplementAsked = d.status == DossierStatus.SUPPLEMENT_REQUESTED
                ? reason(d, EventTypes.SUPPLEMENT_REQUESTED) : null;
        String apologyReason = d.newAppointmentAt != null ? reason(d, EventTypes.APOLOGY_ISSUED) : null;
        return new Found(d.lookupCode,
                catalogue.procedure(d.procedureCode).map(p -> p.name).orElse(d.procedureCode),
                catalogue.unit(d.unitCode).map(u -> u.name).orElse(d.unitCode),
                d.status, d.isPaused(), d.isOverdueAt(clock.instant()), local(d.receivedAt), d.dueDate,
                d.dueDateProvisional, supplementAsked, local(d.newAppointmentAt), apologyReason, local(d.resolvedAt),
                d.decision, d.resultDelivery, local(d.withdrawnAt));
    }

    private static String reason(Dossier dossier, String stepType) {
        return DossierStep.latestNote(dossier.code, stepType).map(StepNotes::reason).orElse(null);
    }
}
