package vn.motcua.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.intake.store.Unit;

/** A unit as the API shows and takes it. */
public record UnitView(
        @Schema(example = "SADEC-P1") String code,
        @Schema(example = "UBND Phường 1") String name,
        @Schema(example = "SADEC", description = "The parent unit; absent for the city itself") String parentCode) {

    static UnitView of(Unit unit) {
        return new UnitView(unit.code, unit.name, unit.parentCode);
    }
}
