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
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.api.Checks;
import vn.motcua.api.ProblemException;
import vn.motcua.security.Roles;
import vn.motcua.intake.app.CatalogueUpdates;
import vn.motcua.intake.domain.CatalogueCodes;
import vn.motcua.intake.store.Procedure;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procedures", description = "Thủ tục hành chính and their legal processing times")
public class ProcedureResource {

    private final CatalogueUpdates updates;

    ProcedureResource(CatalogueUpdates updates) {
        this.updates = updates;
    }

    @PermitAll
    @GET
    @Operation(description = Who.PUBLIC,
            summary = "The procedure catalogue")
    public List<ProcedureView> list() {
        return Procedure.<Procedure>listAll().stream()
                .sorted((a, b) -> a.code.compareTo(b.code)).map(ProcedureView::of).toList();
    }

    @PermitAll
    @GET
    @Path("/{code}")
    @Operation(description = Who.PUBLIC,
            summary = "One procedure")
    public ProcedureView get(@PathParam("code") String code) {
        return Procedure.<Procedure>findByIdOptional(code).map(ProcedureView::of)
                .orElseThrow(() -> ProblemException.notFound("Procedure " + code));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Operation(description = Who.ADMIN,
            summary = "Create or replace a procedure (published as procedure.changed); dossiers already received "
            + "keep their due dates")
    public ProcedureView put(@PathParam("code") String code, ProcedureView body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Checks checks = new Checks();
        checks.check(CatalogueCodes.isProcedureCode(code), "code", CatalogueCodes.PROCEDURE_FORM);
        checks.require("name", body.name()).maxLength("name", body.name(), 500);
        checks.require("field", body.field()).maxLength("field", body.field(), 200);
        ProcessingTime time = processingTime(body.processingTime(), checks);
        LocalTime cutoff = cutoff(body.cutoff(), checks);
        List<Integer> levels = body.onlineLevels() == null ? List.of() : body.onlineLevels();
        checks.check(levels.stream().allMatch(level -> level != null && (level == 3 || level == 4)),
                "onlineLevels", "may only hold 3 and 4");
        checks.throwIfInvalid();
        return ProcedureView.of(updates.putProcedure(code, body.name(), body.field(), time, cutoff, levels));
    }

    private static ProcessingTime processingTime(ProcedureView.ProcessingTimeView view, Checks checks) {
        if (view == null) {
            checks.fail("processingTime", "is required");
            return null;
        }
        checks.require("processingTime.amount", view.amount()).require("processingTime.unit", view.unit());
        if (checks.has("processingTime.amount") || checks.has("processingTime.unit")) {
            return null;
        }
        ProcessingTime.Unit unit;
        try {
            unit = ProcessingTime.Unit.valueOf(view.unit());
        } catch (IllegalArgumentException e) {
            checks.fail("processingTime.unit", "must be WORKING_DAYS, WORKING_HOURS or CALENDAR_DAYS");
            return null;
        }
        try {
            return new ProcessingTime(view.amount(), unit);
        } catch (IllegalArgumentException e) {
            checks.fail("processingTime.amount", e.getMessage());
            return null;
        }
    }

    private static LocalTime cutoff(String text, Checks checks) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            checks.fail("cutoff", "must be a local time such as 15:00");
            return null;
        }
    }
}
