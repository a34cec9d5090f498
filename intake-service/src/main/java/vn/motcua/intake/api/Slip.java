package vn.motcua.intake.api;

import io.quarkus.qute.RawString;

/**
 * {@code unitName} is the counter that received it, {@code handlingUnitName} the unit handling it (the same unit
 * unless the dossier was received for another unit of the province, or moved to a closed unit's successor).
 * The appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01) as its template prints it, for staff.
 * {@code applicantName} and {@code applicantPhone} are null unless the caller's view of the dossier shows the
 * applicant; the form then leaves their lines blank, to be written by hand. The dossier keeps no list of the
 * documents handed in, so the form's list is left blank to be written by hand too.
 */
record Slip(String unitName, String handlingUnitName, String dossierCode, String procedureName, String procedureCode,
            boolean applicantShown, String applicantName, String applicantPhone, String channel,
            String processingTime, String receivedOn, String receivedTime, String receivedDay, String dueTime, String dueDay,
            boolean dueProvisional, String lookupCode, String statusPageLink, RawString qrCode) {
}
