package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.events.Decision;
import vn.motcua.events.ResultDelivery;

import java.time.OffsetDateTime;

/** Bodies of the lifecycle steps; every time defaults to now. */
public final class StepRequests {

    private StepRequests() {
    }

    public record SupplementRequest(
            @Schema(example = "2022-01-06T10:00:00+07:00") OffsetDateTime requestedAt,
            @Schema(example = "Thiếu bản sao giấy khai sinh", required = true) String reason) {
    }

    public record SupplementReceived(@Schema(example = "2022-01-12T09:00:00+07:00") OffsetDateTime receivedAt) {
    }

    public record Apology(
            @Schema(example = "2022-01-14T15:00:00+07:00") OffsetDateTime issuedAt,
            @Schema(example = "2022-01-18T17:00:00+07:00", required = true) OffsetDateTime newAppointmentAt,
            @Schema(example = "Cần xác minh thêm thông tin", required = true) String reason) {
    }

    public record Result(
            @Schema(example = "2022-01-10T16:00:00+07:00") OffsetDateTime resolvedAt,
            @Schema(example = "APPROVED", required = true) Decision decision,
            @Schema(example = "ELECTRONIC", description = "How the result reached the applicant, if known")
            ResultDelivery resultDelivery) {
    }

    public record Withdrawal(@Schema(example = "2022-01-07T09:00:00+07:00") OffsetDateTime withdrawnAt) {
    }
}
