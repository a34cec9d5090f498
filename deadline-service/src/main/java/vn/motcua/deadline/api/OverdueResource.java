package vn.motcua.deadline.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.deadline.app.UnitDirectory;
import vn.motcua.deadline.store.DeadlineStore;

import java.time.Clock;
import java.util.List;

@Path("/api/deadlines")
@Tag(name = "Deadlines")
public class OverdueResource {

    private final UnitDirectory units;
    private final DeadlineStore deadlines;
    private final Clock clock;

    public OverdueResource(UnitDirectory units, DeadlineStore deadlines, Clock clock) {
        this.units = units;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GET
    @Path("/overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open, running dossiers past their dueAt (hồ sơ quá hạn), earliest first")
    @APIResponse(responseCode = "200", description = "The overdue dossiers of the unit and its children")
    @APIResponse(responseCode = "400", description = "Unknown unit (application/problem+json)")
    public List<OverdueDossier> overdue(
            @Parameter(description = "Unit code; a parent unit includes everything under it, as the tree stands now; "
                    + "ALL or omitted = every unit, also units the catalogue does not know yet")
            @QueryParam("unit") String unit) {
        return deadlines.overdue(clock.instant(), units.scope(unit)).stream().map(OverdueDossier::of).toList();
    }
}
