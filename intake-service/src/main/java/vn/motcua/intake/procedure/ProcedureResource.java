package vn.motcua.intake.procedure;

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
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.intake.catalogue.CatalogueChanged;
import vn.motcua.intake.web.Checks;
import vn.motcua.intake.web.ProblemException;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procedures", description = "Thủ tục hành chính and their legal processing times")
public class ProcedureResource {

    @Inject
    Event<CatalogueChanged> changes;

    @GET
    @Operation(summary = "The procedure catalogue")
    public List<ProcedureView> list() {
        return Procedure.<Procedure>listAll().stream()
                .sorted((a, b) -> a.code.compareTo(b.code)).map(ProcedureView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One procedure")
    public ProcedureView get(@PathParam("code") String code) {
        Procedure procedure = Procedure.findById(code);
        if (procedure == null) {
            throw ProblemException.notFound("Procedure " + code);
        }
        return ProcedureView.of(procedure);
    }

    @PUT
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Create or replace a procedure; dossiers already received keep their due dates")
    public ProcedureView put(@PathParam("code") String code, ProcedureView body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Checks checks = new Checks();
        checks.check(code.matches("[0-9A-Za-z.\\-]{1,32}"), "code", "must be 1-32 letters, digits, '.' or '-'");
        checks.require("name", body.name()).maxLength("name", body.name(), 500);
        checks.require("field", body.field()).maxLength("field", body.field(), 200);
        ProcessingTime time = processingTime(body.processingTime(), checks);
        LocalTime cutoff = cutoff(body.cutoff(), checks);
        List<Integer> levels = body.onlineLevels() == null ? List.of() : body.onlineLevels();
        checks.check(levels.stream().allMatch(level -> level != null && (level == 3 || level == 4)),
                "onlineLevels", "may only hold 3 and 4");
        checks.throwIfInvalid();

        Procedure procedure = Procedure.<Procedure>findByIdOptional(code).orElseGet(Procedure::new);
        procedure.code = code;
        procedure.name = body.name().trim();
        procedure.field = body.field().trim();
        procedure.processingAmount = time.amount();
        procedure.processingUnit = time.unit();
        procedure.cutoff = cutoff;
        procedure.onlineLevels = levels.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
        procedure.persist();
        changes.fire(new CatalogueChanged(CatalogueChanged.Kind.PROCEDURE, code));
        return ProcedureView.of(procedure);
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
            checks.fail("processingTime.unit", "must be WORKING_DAYS or WORKING_HOURS");
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
