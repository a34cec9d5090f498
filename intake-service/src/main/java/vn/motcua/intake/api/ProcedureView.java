package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.intake.store.Procedure;

import java.util.List;

/** A procedure as the API shows and takes it. */
public record ProcedureView(
        @Schema(example = "1.004873") String code,
        @Schema(example = "Cấp Giấy xác nhận tình trạng hôn nhân") String name,
        @Schema(example = "Hộ tịch") String field,
        ProcessingTimeView processingTime,
        @Schema(example = "15:00", description = "Cut-off after which the start day is the next working day; default the office close time")
        String cutoff,
        @Schema(example = "[3, 4]") List<Integer> onlineLevels) {

    public record ProcessingTimeView(
            @Schema(example = "3", description = "Working days ≥ 0, working hours > 0, calendar days > 0")
            Integer amount,
            @Schema(example = "WORKING_DAYS", enumeration = {"WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS"},
                    description = "CALENDAR_DAYS where the law counts days (ngày) rather than working days")
            String unit) {
    }

    static ProcedureView of(Procedure procedure) {
        return new ProcedureView(procedure.code, procedure.name, procedure.field,
                new ProcessingTimeView(procedure.processingAmount, procedure.processingUnit.name()),
                procedure.cutoff == null ? null : procedure.cutoff.toString(), procedure.onlineLevelList());
    }
}
