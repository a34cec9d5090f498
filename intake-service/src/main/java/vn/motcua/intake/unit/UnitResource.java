package vn.motcua.intake.unit;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.intake.catalogue.CatalogueChanged;
import vn.motcua.intake.web.Checks;
import vn.motcua.intake.web.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Đơn vị: the city and its wards and communes")
public class UnitResource {

    @Inject
    Event<CatalogueChanged> changes;

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
        return UnitView.of(find(code));
    }

    @PUT
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Create or replace a unit")
    public UnitView put(@PathParam("code") String code, UnitView body) {
        Checks checks = new Checks();
        checks.check(code.matches("[A-Z0-9][A-Z0-9-]{0,31}"), "code", "must be 1-32 upper-case letters, digits or '-'");
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        checks.require("name", body.name()).maxLength("name", body.name(), 200);
        if (body.parentCode() != null) {
            checks.check(Unit.findById(body.parentCode()) != null, "parentCode", "unknown unit " + body.parentCode());
            checks.check(!createsCycle(code, body.parentCode()), "parentCode", "would make a unit its own ancestor");
        }
        checks.throwIfInvalid();
        Unit unit = Unit.<Unit>findByIdOptional(code).orElseGet(Unit::new);
        unit.code = code;
        unit.name = body.name().trim();
        unit.parentCode = body.parentCode();
        unit.persist();
        changes.fire(new CatalogueChanged(CatalogueChanged.Kind.UNIT, code));
        return UnitView.of(unit);
    }

    private static boolean createsCycle(String code, String parentCode) {
        Set<String> seen = new HashSet<>();
        for (String at = parentCode; at != null && seen.add(at); ) {
            if (at.equals(code)) {
                return true;
            }
            Unit parent = Unit.findById(at);
            at = parent == null ? null : parent.parentCode;
        }
        return false;
    }

    static Unit find(String code) {
        Unit unit = Unit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("Unit " + code);
        }
        return unit;
    }
}
