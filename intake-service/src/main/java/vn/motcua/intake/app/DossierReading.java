package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.store.ApplicantRead;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierStep;
import vn.motcua.security.Caller;

import java.time.Clock;
import java.util.List;

/**
 * Reads one dossier for a caller, as much as its role and units allow ({@link DossierAccess}). A read that shows
 * the applicant's personal data is recorded (who, when, which dossier) in the same transaction: when the record
 * cannot be written, the data is not shown either.
 */
@ApplicationScoped
public class DossierReading {

    /** The dossier, its history (null on a slip or when not asked for), and whether the applicant may be shown. */
    public record Read(Dossier dossier, List<DossierStep> history, boolean showsApplicant) {
    }

    private final DossierAccess access;
    private final Recorders recorders;
    private final Clock clock;

    DossierReading(DossierAccess access, Recorders recorders, Clock clock) {
        this.access = access;
        this.recorders = recorders;
        this.clock = clock;
    }

    @Transactional
    public Read read(String code, Caller caller) {
        return read(code, caller, true);
    }

    /**
     * For the printed appointment slip: the same rights, refusals and record of an applicant read as {@link #read},
     * without the history.
     */
    @Transactional
    public Read readSlip(String code, Caller caller) {
        return read(code, caller, false);
    }

    private Read read(String code, Caller caller, boolean withHistory) {
        Dossier dossier = Dossier.<Dossier>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("Dossier " + code));
        DossierAccess.View view = access.viewFor(caller, dossier);
        if (view == DossierAccess.View.SLIP) {
            return new Read(dossier, null, false);
        }
        // Nothing left to read once erased: no read to record.
        boolean showsApplicant = view == DossierAccess.View.FULL && dossier.applicantErasedAt == null;
        if (showsApplicant) {
            Recorder by = recorders.of(caller);
            ApplicantRead.record(code, by.name(), by.subject(), by.client(), clock.instant());
        }
        return new Read(dossier, withHistory ? DossierStep.history(code) : null, showsApplicant);
    }
}
