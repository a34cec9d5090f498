package vn.motcua.intake.domain;

import vn.motcua.events.Channel;

import java.time.OffsetDateTime;

/**
 * A dossier as handed in at a kiosk, the counter, by post or online (tiếp nhận hồ sơ), before any check. Its
 * components are those of the request body, in its order: the fingerprint of a retry must not change.
 */
public record Submission(
        String procedureCode,
        String unitCode,
        Channel channel,
        Integer onlineLevel,
        OffsetDateTime receivedAt,
        String dossierCode,
        Applicant applicant,
        // Last, and left out of the fingerprint when absent: a request without it fingerprints as before.
        String receivedAtUnit) {

    /** The citizen: kept in intake-service only, never published. */
    public record Applicant(String name, String idNumber, String phone) {

        /** Each field in NFC without surrounding white space ({@link PersonalText}); a blank phone is none. */
        public Applicant normalised() {
            String phoneGiven = PersonalText.normalised(phone);
            return new Applicant(PersonalText.normalised(name), PersonalText.normalised(idNumber),
                    phoneGiven == null || phoneGiven.isEmpty() ? null : phoneGiven);
        }
    }

    /** The same submission with the applicant's text normalised: a retry typed otherwise is the same request. */
    public Submission normalised() {
        return new Submission(procedureCode, unitCode, channel, onlineLevel, receivedAt, dossierCode,
                applicant == null ? null : applicant.normalised(), receivedAtUnit);
    }

    /** The counter that received it: {@code receivedAtUnit}, or the handling unit when the request does not say. */
    public String receivingUnit() {
        return receivedAtUnit != null ? receivedAtUnit : unitCode;
    }
}
