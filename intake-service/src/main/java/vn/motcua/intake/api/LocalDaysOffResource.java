package vn.motcua.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.security.Roles;
import vn.motcua.intake.app.ProvinceDaysOff;
import vn.motcua.intake.domain.DayOffRange;

import java.util.List;

@Path("/api/calendar/days-off")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Days off: official schedules per year, and the province's own")
public class LocalDaysOffResource {

    private final ProvinceDaysOff daysOff;

    LocalDaysOffResource(ProvinceDaysOff daysOff) {
        this.daysOff = daysOff;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(description = Who.ADMIN,
            summary = "Add a range of the province's own days off; published as calendar.changed of each year it "
            + "touches, every intake instance counts it for the dossiers it receives from then on")
    @APIResponse(responseCode = "201", description = "Stored; Location names the range")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (problem+json names it)")
    public Response add(DayOffRangeView body, UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        DayOffRange added = daysOff.add(body.from(), body.to(), body.reason());
        return Response.created(uri.getBaseUriBuilder().path("api/calendar/days-off/{id}").build(added.id()))
                .entity(DayOffRangeView.of(added)).build();
    }

    @PermitAll
    @GET
    @Operation(description = Who.PUBLIC,
            summary = "The province's own days off, by first day")
    public List<DayOffRangeView> list(
            @Parameter(description = "Only the ranges touching this year (2000-2100)") @QueryParam("year") String year) {
        return daysOff.list(year(year)).stream().map(DayOffRangeView::of).toList();
    }

    private static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("year", "must be a year between 2000 and 2100");
        }
    }

    @PermitAll
    @GET
    @Path("/{id}")
    @Operation(description = Who.PUBLIC,
            summary = "One range of the province's own days off")
    public DayOffRangeView get(@PathParam("id") long id) {
        return DayOffRangeView.of(daysOff.get(id));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(description = Who.ADMIN,
            summary = "Remove a range; published like an addition. Deadlines already given do not change")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such range")
    public Response remove(@PathParam("id") long id) {
        daysOff.remove(id);
        return Response.noContent().build();
    }
}
