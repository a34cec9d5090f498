package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.intake.domain.DayOffRange;

import java.time.LocalDate;

/** A range of the province's own days off, as the API takes and shows it. */
public record DayOffRangeView(
        @Schema(readOnly = true, example = "1") Long id,
        @Schema(example = "2022-12-23", required = true, description = "First day off") LocalDate from,
        @Schema(example = "2022-12-23", description = "Last day off, included; default from. At most 90 days in all")
        LocalDate to,
        @Schema(example = "Lễ hội Hoa Xuân Sa Đéc (Quyết định của UBND tỉnh)", required = true,
                description = "Why the offices close; 1-200 characters") String reason) {

    static DayOffRangeView of(DayOffRange range) {
        return new DayOffRangeView(range.id(), range.from(), range.to(), range.reason());
    }
}
