package vn.motcua.intake.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.motcua.calendar.Deadline;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;
import vn.motcua.intake.calendar.CalendarService;
import vn.motcua.intake.catalogue.Catalogue;
import vn.motcua.intake.outbox.Outbox;
import vn.motcua.intake.outbox.OutboxRelay;
import vn.motcua.intake.procedure.Procedure;
import vn.motcua.intake.web.Checks;
import vn.motcua.intake.web.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import static vn.motcua.intake.time.LocalTimes.local;

/**
 * Receives a dossier (tiếp nhận hồ sơ): validates it, computes the appointment (form 01) on the work calendar,
 * and writes the dossier, its first step and its {@code dossier.received} event in one transaction.
 */
@ApplicationScoped
public class DossierIntake {

    @Inject
    CalendarService calendar;

    @Inject
    Catalogue catalogue;

    @Inject
    DossierCodes codes;

    @Inject
    StepTimes times;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    NewDossierInsert newDossier;

    @Inject
    OutboxRelay relay;

    /** The slip, and whether this call created the dossier (false: a retry answered with the first result). */
    public record Outcome(DossierView slip, boolean created) {
    }

    /**
     * Writes a new dossier without first asking whether its Idempotency-Key or code is known: a kiosk's retry is
     * the exception, and it ends in {@link NewDossierInsert.Clash}, which the caller answers with {@link #replay}.
     * No JTA transaction: the write is one statement, its own transaction, so the dossier, its step, its event and
     * its key commit together or not at all.
     */
    public Outcome receive(ReceiveRequest request, String idempotencyKey) {
        Checks checks = new Checks();
        Procedure procedure = validate(request, checks);
        Instant receivedAt = times.resolve(request.receivedAt(), "receivedAt", null, checks);
        checks.throwIfInvalid();

        Deadline deadline = calendar.calculator().dueFor(local(receivedAt), procedure.processingTime(), procedure.cutoff);
        Dossier dossier = new Dossier();
        dossier.code = request.dossierCode() != null ? request.dossierCode() : codes.newCode(request.unitCode(), receivedAt);
        dossier.lookupCode = codes.newLookupCode();
        dossier.procedureCode = procedure.code;
        dossier.unitCode = request.unitCode();
        dossier.channel = request.channel();
        dossier.onlineLevel = request.onlineLevel();
        dossier.status = DossierStatus.RECEIVED;
        dossier.receivedAt = receivedAt;
        dossier.setDeadline(deadline);
        dossier.lastStepAt = receivedAt;
        dossier.sequence = 1;
        dossier.requestHash = RequestFingerprint.of(request);
        dossier.applicantName = request.applicant().name().trim();
        dossier.applicantIdNumber = request.applicant().idNumber().trim();
        dossier.applicantPhone = request.applicant().phone();
        String event = outbox.recordValue(EventTypes.RECEIVED, local(receivedAt),
                DossierEventData.of(dossier, EventTypes.RECEIVED, null));
        newDossier.insert(dossier, EventTypes.RECEIVED, event, idempotencyKey, clock.instant());
        relay.wake();
        return new Outcome(DossierView.summary(dossier), true);
    }

    /**
     * The first result for a request whose Idempotency-Key or dossier code is known; a different request under
     * either is refused. Null when neither is known (the clash was a lookup code drawn twice: draw again).
     */
    @Transactional
    public Outcome replay(ReceiveRequest request, String idempotencyKey) {
        return replayOf(request, idempotencyKey, RequestFingerprint.of(request));
    }

    private Outcome replayOf(ReceiveRequest request, String idempotencyKey, String fingerprint) {
        if (idempotencyKey != null) {
            IdempotencyKey known = IdempotencyKey.findById(idempotencyKey);
            if (known != null) {
                if (!known.requestHash.equals(fingerprint)) {
                    throw ProblemException.unprocessable("Idempotency-Key",
                            "This Idempotency-Key was used for a different request.");
                }
                return new Outcome(DossierView.summary(Dossier.findById(known.dossierCode)), false);
            }
        }
        if (request != null && request.dossierCode() != null) {
            Dossier known = Dossier.findById(request.dossierCode());
            if (known != null) {
                if (!known.requestHash.equals(fingerprint)) {
                    throw ProblemException.conflict("dossierCode", "Dossier " + request.dossierCode()
                            + " already exists with other content.");
                }
                return new Outcome(DossierView.summary(known), false);
            }
        }
        return null;
    }

    private Procedure validate(ReceiveRequest request, Checks checks) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        checks.require("procedureCode", request.procedureCode())
                .require("unitCode", request.unitCode())
                .require("channel", request.channel())
                .require("applicant", request.applicant());
        Procedure procedure = request.procedureCode() == null ? null
                : catalogue.procedure(request.procedureCode()).orElse(null);
        if (request.procedureCode() != null && procedure == null) {
            checks.fail("procedureCode", "unknown procedure " + request.procedureCode());
        }
        if (request.unitCode() != null && catalogue.unit(request.unitCode()).isEmpty()) {
            checks.fail("unitCode", "unknown unit " + request.unitCode());
        }
        if (request.dossierCode() != null) {
            checks.check(request.dossierCode().matches("[A-Za-z0-9][A-Za-z0-9._-]{2,63}"), "dossierCode",
                    "must be 3-64 letters, digits, '.', '_' or '-'");
        }
        checkChannel(request, procedure, checks);
        if (request.applicant() != null) {
            checks.require("applicant.name", request.applicant().name())
                    .maxLength("applicant.name", request.applicant().name(), 200)
                    .require("applicant.idNumber", request.applicant().idNumber())
                    .maxLength("applicant.idNumber", request.applicant().idNumber(), 32)
                    .maxLength("applicant.phone", request.applicant().phone(), 32);
        }
        return procedure;
    }

    private static void checkChannel(ReceiveRequest request, Procedure procedure, Checks checks) {
        if (request.channel() == Channel.ONLINE) {
            if (request.onlineLevel() == null || !Set.of(3, 4).contains(request.onlineLevel())) {
                checks.fail("onlineLevel", "is required for ONLINE and must be 3 or 4");
            } else if (procedure != null && !procedure.onlineLevelList().contains(request.onlineLevel())) {
                checks.fail("onlineLevel", "procedure " + procedure.code + " is not offered online at level "
                        + request.onlineLevel());
            }
        } else if (request.onlineLevel() != null) {
            checks.fail("onlineLevel", "applies to ONLINE dossiers only");
        }
    }
}
