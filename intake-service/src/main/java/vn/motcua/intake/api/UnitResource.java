package vn.motcua.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.security.Roles;
import vn.motcua.intake.app.CatalogueUpdates;
import vn.motcua.intake.domain.ParentsFirst;
import vn.motcua.intake.store.Unit;

import java.util.List;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Đơn vị: provinces, districts or cities, wards or communes, in one tree")
public class UnitResource {

    private final CatalogueUpdates updates;

    UnitResource(CatalogueUpdates updates) {
        this.updates = updates;
    }

    @PermitAll
    @GET
    @Operation(description = Who.PUBLIC,
            summary = "All units, parents first (by depth, then code)")
    public List<UnitView> list() {
        return ParentsFirst.order(Unit.<Unit>listAll(), unit -> unit.code, unit -> unit.parentCode).stream()
                .map(UnitView::of).toList();
    }

    @PermitAll
    @GET
    @Path("/{code}")
    @Operation(description = Who.PUBLIC,
            summary = "One unit")
    public UnitView get(@PathParam("code") String code) {
        return Unit.<Unit>findByIdOptional(code).map(UnitView::of)
                .orElseThrow(() -> ProblemException.notFound("Unit " + code));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Operation(description = Who.ADMIN,
            summary = "Create, replace or move a unit (published as unit.changed); units are never removed")
    public UnitView put(@PathParam("code") String code, UnitView body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return UnitView.of(updates.putUnit(code, body.name(), body.parentCode()));
    }
}
