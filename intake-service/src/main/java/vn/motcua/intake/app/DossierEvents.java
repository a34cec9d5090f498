package vn.motcua.intake.app;

import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.store.Dossier;

import java.time.Instant;
import java.time.LocalDate;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * The CloudEvent of a dossier step, in JSON, exactly as the relay will publish it: the dossier's deadline picture
 * plus that step's own fields. No personal data.
 */
final class DossierEvents {

    private DossierEvents() {
    }

    /**
     * Call after the step changed the dossier.
     *
     * @param at                   when the step happened at the one-stop shop (the CloudEvent {@code time})
     * @param remainingWorkingDays only for a supplement request whose clock stopped
     */
    static String value(Dossier dossier, String type, Instant at, Integer remainingWorkingDays) {
        CloudEvent event = EventCodec.dossierEvent(type, EventValues.SOURCE, local(at),
                data(dossier, type, remainingWorkingDays, null, null, null, null, null));
        return EventValues.json(event);
    }

    /**
     * {@code dossier.transferred}, after the dossier took its new unit.
     *
     * @param at            when intake moved it (the CloudEvent {@code time})
     * @param previousUnit  the closed unit that handled it before
     * @param transferredAt from when the new unit handles it: the closing day, 00:00 in Vietnam
     */
    static String transferred(Dossier dossier, Instant at, String previousUnit, Instant transferredAt) {
        CloudEvent event = EventCodec.dossierEvent(EventTypes.TRANSFERRED, EventValues.SOURCE, local(at),
                data(dossier, EventTypes.TRANSFERRED, null, null, null, null, previousUnit, transferredAt));
        return EventValues.json(event);
    }

    /**
     * {@code dossier.due-date-changed}, after the dossier took its new deadline.
     *
     * @param at when intake recomputed it (the CloudEvent {@code time})
     */
    static String dueDateChanged(Dossier dossier, Instant at, LocalDate previousDueDate, Instant previousDueAt,
                                 String reason) {
        CloudEvent event = EventCodec.dossierEvent(EventTypes.DUE_DATE_CHANGED, EventValues.SOURCE, local(at),
                data(dossier, EventTypes.DUE_DATE_CHANGED, null, previousDueDate, previousDueAt, reason, null, null));
        return EventValues.json(event);
    }

    private static DossierData data(Dossier d, String type, Integer remainingWorkingDays, LocalDate previousDueDate,
                                    Instant previousDueAt, String reason, String previousUnit,
                                    Instant transferredAt) {
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
                type.equals(EventTypes.WITHDRAWN) ? local(d.withdrawnAt) : null,
                resolved ? d.resultDelivery : null,
                resolved ? d.handlingWorkingDays : null,
                d.dueDateProvisional, previousDueDate, local(previousDueAt), reason, d.receivingUnit(), previousUnit,
                local(transferredAt));
    }
}
