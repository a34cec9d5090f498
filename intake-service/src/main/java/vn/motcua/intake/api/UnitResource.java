package vn.motcua.intake.api;

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
import vn.motcua.intake.app.CatalogueUpdates;
import vn.motcua.intake.store.Unit;

import java.util.List;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Đơn vị: the city and its wards and communes")
public class UnitResource {

    private final CatalogueUpdates updates;

    UnitResource(CatalogueUpdates updates) {
        this.updates = updates;
    }

    @GET
    @Operation(summary = "All units, parents first")
    public List<UnitView> list() {
        return Unit.<Unit>listAll().stream()
                .sorted((a, b) -> a.parentCode == null ? -1 : b.parentCode == null ? 1 : a.code.compareTo(b.code))
                .map(UnitView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One unit")
    public UnitView get(@PathParam("code") String code) {
        return Unit.<Unit>findByIdOptional(code).map(UnitView::of)
                .orElseThrow(() -> ProblemException.notFound("Unit " + code));
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Create or replace a unit")
    public UnitView put(@PathParam("code") String code, UnitView body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return UnitView.of(updates.putUnit(code, body.name(), body.parentCode()));
    }
}
