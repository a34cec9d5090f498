package vn.motcua.intake.dossier;

import vn.motcua.events.DossierData;
import vn.motcua.events.EventTypes;

import static vn.motcua.intake.time.LocalTimes.local;

/** The event {@code data} of a dossier step: its deadline picture plus that step's own fields. No personal data. */
final class DossierEventData {

    private DossierEventData() {
    }

    /** Call after the step changed the dossier; {@code remainingWorkingDays} only for a supplement request. */
    static DossierData of(Dossier d, String type, Integer remainingWorkingDays) {
        boolean supplementRequested = type.equals(EventTypes.SUPPLEMENT_REQUESTED);
        boolean resolved = type.equals(EventTypes.RESOLVED);
        return new DossierData(d.code, d.unitCode, d.procedureCode, d.channel, d.onlineLevel, local(d.receivedAt),
                d.dueDate, local(d.dueAt), d.sequence,
                supplementRequested ? local(d.pauseRequestedAt) : null,
                supplementRequested ? remainingWorkingDays : null,
                type.equals(EventTypes.SUPPLEMENT_RECEIVED) ? local(d.lastStepAt) : null,
                type.equals(EventTypes.APOLOGY_ISSUED) ? local(d.newAppointmentAt) : null,
                resolved ? local(d.resolvedAt) : null,
                resolved ? d.decision : null,
                resolved ? d.timeliness : null,
                type.equals(EventTypes.WITHDRAWN) ? local(d.withdrawnAt) : null);
    }
}
