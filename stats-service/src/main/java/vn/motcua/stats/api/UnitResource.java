package vn.motcua.stats.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.Checks;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.stats.app.Generations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/stats/units?on=}: the unit tree of a day (default today in Vietnam), for the dashboard's unit
 * picker. Public, like reports.
 */
@Path("/api/stats/units")
@Tag(name = "units")
public class UnitResource {

    private final Generations generations;
    private final Clock clock;

    UnitResource(Generations generations, Clock clock) {
        this.generations = generations;
        this.clock = clock;
    }

    /** One unit of the list; {@code depth} 0 is a root. */
    @Schema(name = "UnitEntry", description = "A unit of the tree, at its place in pre-order")
    public record UnitEntry(
            @Schema(description = "unit code", examples = "SADEC-P1") String code,
            @Schema(description = "unit name", examples = "Phường 1") String name,
            @Schema(description = "the parent's code; null for a root", nullable = true, examples = "SADEC")
            String parentCode,
            @Schema(description = "0 for a root (or a unit whose parent is not known yet), its parent's depth + 1 "
                    + "below it", examples = "1") int depth) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The unit tree of a day",
            description = "Every unit that the catalogue topic has announced (unit.changed, the highest version of "
                    + "each) and that had come into being by the day, under the parent and with the name of its "
                    + "state on that day (a closed unit under its last parent), in tree order: each root, then its "
                    + "children, each followed by its own (pre-order); siblings sorted by name in Vietnamese order, "
                    + "then by code. A unit whose parent is not known yet stands at depth 0 with its parentCode. A "
                    + "report rolls up by the tree of its period's last days instead (each unit placed on the last "
                    + "day of the period on which it existed).")
    @APIResponse(responseCode = "200", description = "the units in pre-order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UnitEntry.class)))
    public List<UnitEntry> list(@Parameter(description = "the day, YYYY-MM-DD; default today in Vietnam",
            example = "2025-07-01") @QueryParam("on") String on) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        if (on != null && !on.isBlank()) {
            try {
                day = LocalDate.parse(on.trim());
            } catch (DateTimeParseException e) {
                Checks problems = new Checks();
                problems.fail("on", "expected a date YYYY-MM-DD, got '" + on + "'");
                problems.throwIfInvalid();
            }
        }
        return generations.serving().units().outline(day).inOrder().stream()
                .map(placed -> new UnitEntry(placed.unit().code(), placed.unit().name(), placed.unit().parentCode(),
                        placed.depth()))
                .toList();
    }
}
