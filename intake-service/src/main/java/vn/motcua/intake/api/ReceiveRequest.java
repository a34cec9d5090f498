package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.events.Channel;
import vn.motcua.intake.domain.Submission;

import java.time.OffsetDateTime;

/** A dossier handed in at a kiosk, the counter, by post or online (tiếp nhận hồ sơ). */
public record ReceiveRequest(
        @Schema(example = "1.004873", required = true) String procedureCode,
        @Schema(example = "SADEC-P1", required = true, description = "The unit handling it (đơn vị giải quyết)")
        String unitCode,
        @Schema(example = "DIRECT", required = true) Channel channel,
        @Schema(example = "4", description = "3 (một phần) or 4 (toàn trình); ONLINE only") Integer onlineLevel,
        @Schema(example = "2022-01-05T08:30:00+07:00", description = "When the dossier was handed in; default now. "
                + "A kiosk that was offline sends the real time.") OffsetDateTime receivedAt,
        @Schema(example = "SADEC-P1-220105-000123", description = "Optional code chosen by the client; a retry with "
                + "the same code and body answers the first result") String dossierCode,
        Applicant applicant,
        @Schema(example = "SADEC-P2", description = "The unit whose counter received it, when another unit of the "
                + "same province handles it (unitCode); default unitCode. The caller must act for this counter")
        String receivedAtUnit) {

    /** The citizen: kept in intake-service only, never published. */
    public record Applicant(
            @Schema(example = "Nguyễn Văn An", required = true) String name,
            @Schema(example = "087090001234", required = true) String idNumber,
            @Schema(example = "0912345678") String phone) {
    }

    Submission submission() {
        return new Submission(procedureCode, unitCode, channel, onlineLevel, receivedAt, dossierCode,
                applicant == null ? null : new Submission.Applicant(applicant.name, applicant.idNumber, applicant.phone),
                receivedAtUnit);
    }
}
