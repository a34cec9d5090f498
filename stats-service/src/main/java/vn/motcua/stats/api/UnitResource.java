package vn.motcua.stats.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.stats.app.Generations;

import java.util.List;

/** {@code GET /api/stats/units}: the unit tree as it stands, for the dashboard's unit picker. Public, like reports. */
@Path("/api/stats/units")
@Tag(name = "units")
public class UnitResource {

    private final Generations generations;

    UnitResource(Generations generations) {
        this.generations = generations;
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
    @Operation(summary = "The unit tree as it stands",
            description = "Every unit that the catalogue topic has announced (unit.changed, the highest version of "
                    + "each), in tree order: each root, then its children, each followed by its own (pre-order); "
                    + "siblings sorted by name in Vietnamese order, then by code. A unit whose parent is not known yet stands at depth 0 with its parentCode. The "
                    + "same tree every report rolls up by when it is read.")
    @APIResponse(responseCode = "200", description = "the units in pre-order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UnitEntry.class)))
    public List<UnitEntry> list() {
        return generations.serving().units().outline().inOrder().stream()
                .map(placed -> new UnitEntry(placed.unit().code(), placed.unit().name(), placed.unit().parentCode(),
                        placed.depth()))
                .toList();
    }
}
