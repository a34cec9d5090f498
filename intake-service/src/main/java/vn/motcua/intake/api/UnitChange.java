package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code PUT /api/units/{code}}: a new state of the unit, or a correction of its latest. */
public record UnitChange(
        @Schema(example = "UBND Phường 1", description = "Required unless closed; a closed state keeps the last name")
        String name,
        @Schema(example = "SADEC", description = "The parent; absent for a root. A closed state keeps the last parent")
        String parentCode,
        @Schema(example = "2025-07-01", description = "The first day (in Vietnam) the state holds; default today, "
                + "or since always for a unit's first state. The latest state's day corrects it")
        LocalDate effectiveFrom,
        @Schema(description = "true: from effectiveFrom the unit is dissolved into successorCode") Boolean closed,
        @Schema(example = "SADEC-PSD", description = "Required with closed: the unit that takes over its dossiers")
        String successorCode) {
}
