package vn.motcua.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.events.UnitState;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit as the API shows it: one state (today's, or the day asked for) and, for one unit, its whole history
 * (docs/time-and-counting.md, "Units over time").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitView(
        @Schema(example = "SADEC-P1") String code,
        @Schema(example = "UBND Phường 1") String name,
        @Schema(example = "SADEC", description = "The parent unit; absent for a root (a province)") String parentCode,
        @Schema(example = "2025-07-01", description = "The first day the state shown holds; absent: since always")
        LocalDate effectiveFrom,
        @Schema(description = "From effectiveFrom the unit is dissolved into successorCode") boolean closed,
        @Schema(example = "SADEC-PSD") String successorCode,
        @Schema(description = "Every state, oldest first; on GET of one unit") List<State> history) {

    /** One state of the history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(LocalDate effectiveFrom, String name, String parentCode, boolean closed,
                        String successorCode) {

        static State of(UnitState state) {
            return new State(state.effectiveFrom(), state.name(), state.parentCode(), state.closed(),
                    state.successorCode());
        }
    }

    static UnitView of(String code, UnitState shown, List<UnitState> history) {
        return new UnitView(code, shown.name(), shown.parentCode(), shown.effectiveFrom(), shown.closed(),
                shown.successorCode(), history == null ? null : history.stream().map(State::of).toList());
    }
}
