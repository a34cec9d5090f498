package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierTransfer;
import vn.motcua.security.Caller;
import vn.motcua.security.Roles;
import vn.motcua.security.UnitLineage;

/**
 * Which dossiers a caller may touch, beyond the role each endpoint names (docs/contracts.md, "Who may do what"): staff act for
 * their units and every unit under them, an admin for all; a kiosk reads back only the slips it issued. Checked
 * before anything is written, so a refusal (403) leaves no trace.
 */
@ApplicationScoped
public class DossierAccess {

    /** What a caller sees of a dossier it may read. */
    public enum View {
        /** The slip only: no applicant, no history (a kiosk reading back what it issued). */
        SLIP,
        /** State and history, no applicant data (a supervisor). */
        WITHOUT_APPLICANT,
        /** Everything, applicant included; the read is recorded (a clerk, an admin). */
        FULL
    }

    private final UnitLineage lineage;

    DossierAccess(UnitLineage lineage) {
        this.lineage = lineage;
    }

    /**
     * Receiving a dossier at the counter of {@code unitCode} (its {@code receivedAtUnit}): a clerk or an admin acting
     * for that unit; a kiosk for its own unit only, since a kiosk stands in one unit's hall and its slip names that
     * unit.
     */
    void checkReceive(Caller caller, String unitCode) {
        boolean staff = caller.hasAny(Roles.CLERK, Roles.ADMIN);
        boolean allowed = staff ? caller.actsFor(unitCode, lineage) : caller.units().contains(unitCode);
        if (!allowed) {
            throw ProblemException.forbidden("You do not act for unit " + unitCode + ": nothing was recorded.");
        }
    }

    /** A later step: a clerk or an admin acting for the dossier's unit. */
    void checkStep(Caller caller, Dossier dossier) {
        if (!caller.hasAny(Roles.CLERK, Roles.ADMIN) || !caller.actsFor(dossier.unitCode, lineage)) {
            throw ProblemException.forbidden("You do not act for unit " + dossier.unitCode
                    + " of dossier " + dossier.code + ": nothing was recorded.");
        }
    }

    /**
     * What {@code caller} may see of {@code dossier}. A kiosk asking for a dossier it did not receive is told it
     * does not exist: a kiosk's credentials sit in a machine in a public hall, and should not tell which codes exist.
     * Staff of another unit are refused (403): they may know a dossier exists, not read it.
     */
    View viewFor(Caller caller, Dossier dossier) {
        boolean reads = caller.hasAny(Roles.CLERK, Roles.SUPERVISOR, Roles.ADMIN) && readsFor(caller, dossier);
        if (reads && caller.hasAny(Roles.CLERK, Roles.ADMIN)) {
            return View.FULL;
        }
        if (reads && caller.has(Roles.SUPERVISOR)) {
            return View.WITHOUT_APPLICANT;
        }
        if (caller.has(Roles.KIOSK) && caller.name().equals(dossier.receivedBy)) {
            return View.SLIP;
        }
        if (caller.hasAny(Roles.CLERK, Roles.SUPERVISOR, Roles.ADMIN)) {
            throw ProblemException.forbidden("You do not act for unit " + dossier.unitCode
                    + " of dossier " + dossier.code + ".");
        }
        throw ProblemException.notFound("Dossier " + dossier.code);
    }

    /**
     * Reading, not acting: staff of the unit handling it, of the counter that received it, or of any unit it was
     * moved away from when that unit closed (they keep reading what they handled). The moves are looked up only
     * when the first two do not answer.
     */
    private boolean readsFor(Caller caller, Dossier dossier) {
        return caller.actsFor(dossier.unitCode, lineage) || caller.actsFor(dossier.receivingUnit(), lineage)
                || DossierTransfer.unitsMovedFrom(dossier.code).stream().anyMatch(unit -> caller.actsFor(unit, lineage));
    }
}
