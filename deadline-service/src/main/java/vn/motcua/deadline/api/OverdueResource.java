package vn.motcua.deadline.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.deadline.app.ReadAccess;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.security.CurrentCaller;
import vn.motcua.security.Roles;

import java.time.Clock;
import java.util.List;

@Path("/api/deadlines")
@Tag(name = "Deadlines")
public class OverdueResource {

    private final ReadAccess access;
    private final CurrentCaller caller;
    private final DeadlineStore deadlines;
    private final Clock clock;

    public OverdueResource(ReadAccess access, CurrentCaller caller, DeadlineStore deadlines, Clock clock) {
        this.access = access;
        this.caller = caller;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GET
    @Path("/overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open, running dossiers past their dueAt (hồ sơ quá hạn), earliest first")
    @APIResponse(responseCode = "200", description = "The overdue dossiers of the unit and its children")
    @APIResponse(responseCode = "400", description = "Unknown unit (application/problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token or session (application/problem+json)")
    @APIResponse(responseCode = "403", description = "Not a supervisor, clerk or admin, or not one of the caller's "
            + "units (application/problem+json)")
    @RolesAllowed({Roles.SUPERVISOR, Roles.CLERK, Roles.ADMIN})
    public List<OverdueDossier> overdue(
            @Parameter(description = "Unit code; a parent unit includes everything under it, as the tree stands now; "
                    + "omitted = the caller's units (every unit for an admin, also units the catalogue does not know "
                    + "yet); ALL = every unit, admin only")
            @QueryParam("unit") String unit) {
        return deadlines.overdue(clock.instant(), access.scope(caller.get(), unit)).stream()
                .map(OverdueDossier::of).toList();
    }
}
