package vn.motcua.intake.dossier;

import java.time.Instant;

/** Appends a step to a dossier's tracking log under the dossier's current sequence. */
final class DossierSteps {

    private DossierSteps() {
    }

    static void record(Dossier dossier, String type, Instant at, String note) {
        DossierStep step = new DossierStep();
        step.dossierCode = dossier.code;
        step.sequence = dossier.sequence;
        step.type = type;
        step.occurredAt = at;
        step.note = note;
        step.persist();
    }
}
