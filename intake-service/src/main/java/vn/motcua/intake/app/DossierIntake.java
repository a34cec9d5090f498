package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.Checks;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;
import vn.motcua.events.UnitState;
import vn.motcua.intake.domain.UnitTimeline;
import vn.motcua.intake.domain.CatalogueCodes;
import vn.motcua.intake.domain.ClientDossierCodes;
import vn.motcua.intake.domain.PersonalText;
import vn.motcua.intake.domain.DossierStatus;
import vn.motcua.intake.domain.DueDates;
import vn.motcua.intake.domain.RequestFingerprint;
import vn.motcua.intake.domain.Submission;
import vn.motcua.intake.store.Catalogue;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.DossierCodes;
import vn.motcua.intake.store.IdempotencyKey;
import vn.motcua.intake.store.NewDossierInsert;
import vn.motcua.intake.store.Procedure;
import vn.motcua.security.Caller;
import vn.motcua.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static vn.motcua.intake.domain.LocalTimes.local;

/**
 * Receives a dossier (tiếp nhận hồ sơ): validates it, computes the appointment (form 01) on the work calendar,
 * and writes the dossier, its first step, its {@code dossier.received} event and its Idempotency-Key together.
 * <p>
 * It does not ask first whether the key or a client-chosen code is known: a kiosk's retry is the exception, and it
 * meets the unique index ({@link NewDossierInsert.Clash}). The clash is then answered with the first result, or
 * refused when the request differs. No JTA transaction around the write: it is one statement (committed with the
 * other new dossiers of the moment, see NewDossierInsert), so the dossier, its step, its event and its key commit
 * together or not at all.
 */
@ApplicationScoped
public class DossierIntake {

    /** A clash that no known key or code explains was a generated code or a lookup code drawn twice: draw again, once. */
    private static final int ATTEMPTS = 2;

    private final Catalogue catalogue;
    private final CalendarService calendar;
    private final StepTimes times;
    private final DossierCodes codes;
    private final NewDossierInsert newDossier;
    private final DossierAccess access;
    private final Recorders recorders;
    private final Clock clock;

    DossierIntake(Catalogue catalogue, CalendarService calendar, StepTimes times, DossierCodes codes,
                  NewDossierInsert newDossier, DossierAccess access, Recorders recorders, Clock clock) {
        this.recorders = recorders;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.times = times;
        this.codes = codes;
        this.newDossier = newDossier;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Answers the dossier this request created, or the one its first attempt created. The body is checked first
     * (400), then whether {@code caller} acts for its unit (403), before anything is written.
     */
    public Dossier receive(Submission given, String givenKey, Caller caller) {
        boolean kiosk = isKiosk(caller);
        if (givenKey == null && kiosk) {
            // A kiosk retries on its own after a timeout: without a key, each retry would be another dossier.
            throw ProblemException.invalid("Idempotency-Key", "is required for kiosk clients");
        }
        if (givenKey != null && (givenKey.isBlank() || givenKey.length() > 200)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1-200 characters");
        }
        String idempotencyKey = givenKey == null ? null : scoped(givenKey, caller);
        if (given == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Submission submission = given.normalised();
        Checks checks = new Checks();
        Procedure procedure = validate(submission, checks);
        if (kiosk && submission.channel() == Channel.ONLINE) {
            // A kiosk stands in the office: what it receives was handed in there, never through the portal.
            checks.fail("channel", "a kiosk client receives dossiers handed in at the office, not ONLINE ones");
        }
        checks.throwIfInvalid();
        access.checkReceive(caller, submission.receivingUnit());
        Instant receivedAt = times.resolve(submission.receivedAt(), "receivedAt", null, checks, caller);
        checks.throwIfInvalid();
        checkUnitsOn(submission, local(receivedAt).toLocalDate(), checks);

        DeadlineCalculator calculator = calendar.calculator();
        Deadline deadline = calculator.dueFor(local(receivedAt), procedure.processingTime(), procedure.cutoff);
        boolean provisional = DueDates.provisional(calculator.calendar(), receivedAt, deadline.dueDate());
        String fingerprint = RequestFingerprint.of(submission);
        for (int attempt = 1; ; attempt++) {
            Dossier dossier = dossierOf(submission, procedure, receivedAt, deadline, fingerprint);
            dossier.dueDateProvisional = provisional;
            Recorder by = recorders.of(caller);
            dossier.receivedBy = by.name();
            dossier.receivedBySub = by.subject();
            dossier.receivedByAzp = by.client();
            try {
                newDossier.insert(dossier, EventTypes.RECEIVED,
                        DossierEvents.value(dossier, EventTypes.RECEIVED, receivedAt, null), idempotencyKey,
                        clock.instant());
                return dossier;
            } catch (NewDossierInsert.Clash clash) {
                // A retry, or a concurrent twin that committed first, under a known key or code: its result.
                Dossier first = QuarkusTransaction.joiningExisting()
                        .call(() -> firstResult(submission, idempotencyKey, fingerprint));
                if (first != null) {
                    return first;
                }
                if (attempt == ATTEMPTS) {
                    throw clash;
                }
            }
        }
    }

    /** A kiosk client, and nothing more: staff who also hold the kiosk role are not held to its rules. */
    private static boolean isKiosk(Caller caller) {
        return caller.has(Roles.KIOSK) && !caller.hasAny(Roles.CLERK, Roles.ADMIN);
    }

    /**
     * Every caller's keys are its own: two kiosks that happen to draw the same key get two dossiers, the same kiosk
     * retrying gets its first answer. The caller's name is length-prefixed, so no name and key can pass for another.
     */
    static String scoped(String key, Caller caller) {
        return caller.name().length() + ":" + caller.name() + ":" + key;
    }

    /**
     * The dossier a known Idempotency-Key or dossier code names, when the request is the same; a different request
     * under either is refused. Null when neither is known.
     */
    private static Dossier firstResult(Submission submission, String idempotencyKey, String fingerprint) {
        if (idempotencyKey != null) {
            IdempotencyKey known = IdempotencyKey.findById(idempotencyKey);
            if (known != null) {
                if (!known.requestHash.equals(fingerprint)) {
                    throw ProblemException.unprocessable("Idempotency-Key",
                            "This Idempotency-Key was used for a different request.");
                }
                return Dossier.findById(known.dossierCode);
            }
        }
        if (submission.dossierCode() != null) {
            Dossier known = Dossier.findById(submission.dossierCode());
            if (known != null) {
                if (!known.requestHash.equals(fingerprint)) {
                    throw ProblemException.conflict("dossierCode", "Dossier " + submission.dossierCode()
                            + " already exists with other content.");
                }
                return known;
            }
        }
        return null;
    }

    private Dossier dossierOf(Submission submission, Procedure procedure, Instant receivedAt, Deadline deadline,
                              String fingerprint) {
        Dossier dossier = new Dossier();
        dossier.code = submission.dossierCode() != null ? submission.dossierCode()
                : codes.newCode(submission.unitCode(), receivedAt);
        dossier.lookupCode = codes.newLookupCode();
        dossier.procedureCode = procedure.code;
        dossier.unitCode = submission.unitCode();
        dossier.receivedAtUnit = submission.receivingUnit();
        dossier.channel = submission.channel();
        dossier.onlineLevel = submission.onlineLevel();
        dossier.status = DossierStatus.RECEIVED;
        dossier.receivedAt = receivedAt;
        dossier.setDeadline(deadline);
        dossier.deadlineAmount = procedure.processingAmount;
        dossier.deadlineCutoff = procedure.cutoff;
        dossier.lastStepAt = receivedAt;
        dossier.sequence = 1;
        dossier.requestHash = fingerprint;
        dossier.applicantName = submission.applicant().name();
        dossier.applicantIdNumber = submission.applicant().idNumber();
        dossier.applicantPhone = submission.applicant().phone();
        return dossier;
    }

    private Procedure validate(Submission submission, Checks checks) {
        checks.require("procedureCode", submission.procedureCode())
                .require("unitCode", submission.unitCode())
                .require("channel", submission.channel())
                .require("applicant", submission.applicant());
        Procedure procedure = knownProcedure(submission.procedureCode(), checks);
        checkUnit("unitCode", submission.unitCode(), checks);
        if (submission.receivedAtUnit() != null) {
            checkUnit("receivedAtUnit", submission.receivedAtUnit(), checks);
        }
        if (submission.dossierCode() != null) {
            // A namespace of the unit's own: never one of intake's codes, nor another unit's (ClientDossierCodes).
            checks.check(ClientDossierCodes.isOfUnit(submission.dossierCode(), submission.unitCode()), "dossierCode",
                    ClientDossierCodes.FORM);
            if (!checks.has("dossierCode")) {
                checks.check(!ClientDossierCodes.hasLongNumber(submission.dossierCode()), "dossierCode",
                        ClientDossierCodes.NO_LONG_NUMBERS);
            }
        }
        checkChannel(submission, procedure, checks);
        if (submission.applicant() != null) {
            checkApplicant(submission.applicant(), checks);
        }
        return procedure;
    }

    /** Already normalised ({@link Submission#normalised}): the lengths are those of what is stored. */
    private static void checkApplicant(Submission.Applicant applicant, Checks checks) {
        checks.require("applicant.name", applicant.name())
                .maxLength("applicant.name", applicant.name(), 200)
                .check(!PersonalText.hasControl(applicant.name()), "applicant.name", "must not hold control characters")
                .require("applicant.idNumber", applicant.idNumber());
        if (applicant.idNumber() != null && !applicant.idNumber().isBlank()) {
            checks.check(PersonalText.isIdNumber(applicant.idNumber()), "applicant.idNumber", PersonalText.ID_NUMBER_FORM);
        }
        if (applicant.phone() != null) {
            checks.check(PersonalText.isPhone(applicant.phone()), "applicant.phone", PersonalText.PHONE_FORM);
        }
    }

    /** The form first: a malformed code is refused without a look-up. */
    private Procedure knownProcedure(String code, Checks checks) {
        if (code == null || checks.has("procedureCode")) {
            return null;
        }
        if (!CatalogueCodes.isProcedureCode(code)) {
            checks.fail("procedureCode", CatalogueCodes.PROCEDURE_FORM);
            return null;
        }
        Procedure procedure = catalogue.procedure(code).orElse(null);
        checks.check(procedure != null, "procedureCode", "unknown procedure " + code);
        return procedure;
    }

    private void checkUnit(String field, String code, Checks checks) {
        if (code == null || checks.has(field)) {
            return;
        }
        if (!CatalogueCodes.isUnitCode(code)) {
            checks.fail(field, CatalogueCodes.UNIT_FORM);
            return;
        }
        checks.check(catalogue.unit(code).isPresent(), field, "unknown unit " + code);
    }

    /**
     * On the receipt day (docs/time-and-counting.md, "Units over time"): the receiving counter must exist and belong
     * to the handling unit's province (400 naming {@code receivedAtUnit}); the handling unit must exist, neither
     * closed (409 naming its successor) nor yet to come (409 saying from when).
     */
    private void checkUnitsOn(Submission submission, LocalDate day, Checks checks) {
        UnitTimeline units = catalogue.unitTimeline();
        String counter = submission.receivingUnit();
        if (!counter.equals(submission.unitCode())) {
            if (!units.existsOn(counter, day)) {
                checks.fail("receivedAtUnit", "unit " + counter + " does not exist on " + day);
            } else if (units.existsOn(submission.unitCode(), day)
                    && !units.rootOn(counter, day).equals(units.rootOn(submission.unitCode(), day))) {
                checks.fail("receivedAtUnit", "unit " + counter + " is not in the province of "
                        + submission.unitCode());
            }
            checks.throwIfInvalid();
        }
        Optional<UnitState> handling = units.on(submission.unitCode(), day);
        if (handling.isEmpty()) {
            throw UnitNotReceiving.notYet(submission.unitCode(), units.firstDay(submission.unitCode()).orElse(day));
        }
        if (handling.get().closed()) {
            throw UnitNotReceiving.closed(submission.unitCode(), handling.get().effectiveFrom(),
                    handling.get().successorCode());
        }
    }

    private static void checkChannel(Submission submission, Procedure procedure, Checks checks) {
        if (submission.channel() == Channel.ONLINE) {
            if (submission.onlineLevel() == null || !Set.of(3, 4).contains(submission.onlineLevel())) {
                checks.fail("onlineLevel", "is required for ONLINE and must be 3 or 4");
            } else if (procedure != null && !procedure.onlineLevelList().contains(submission.onlineLevel())) {
                checks.fail("onlineLevel", "procedure " + procedure.code + " is not offered online at level "
                        + submission.onlineLevel());
            }
        } else if (submission.onlineLevel() != null) {
            checks.fail("onlineLevel", "applies to ONLINE dossiers only");
        }
    }
}
