package vn.motcua.deadline.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.deadline.app.ReadAccess;
import vn.motcua.deadline.domain.TrackedDeadline;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.deadline.store.DeadlineStore.OverduePosition;
import vn.motcua.security.CurrentCaller;
import vn.motcua.security.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

@Path("/api/deadlines")
@Tag(name = "Deadlines")
public class OverdueResource {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    private static final String LIMIT = "limit";
    private static final String AFTER = "after";

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
    @Operation(summary = "Open, running dossiers past their dueAt (hồ sơ quá hạn), earliest first, a page at a time",
            description = "Ordered by dueAt, then dossier code. When more remain, a Link header names the next page: "
                    + "<…?limit=…&after=…>; rel=\"next\" (relative to this host).")
    @APIResponse(responseCode = "200", description = "A page of the overdue dossiers of the unit and its children",
            headers = @Header(name = "Link", description = "rel=\"next\": the next page, when more remain"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OverdueDossier.class)))
    @APIResponse(responseCode = "400", description = "Unknown unit, or limit or after malformed "
            + "(application/problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token or session (application/problem+json)")
    @APIResponse(responseCode = "403", description = "Not a supervisor, clerk or admin, or not one of the caller's "
            + "units (application/problem+json)")
    @RolesAllowed({Roles.SUPERVISOR, Roles.CLERK, Roles.ADMIN})
    public Response overdue(
            @Parameter(description = "Unit code; a parent unit includes everything under it, as the tree stands now; "
                    + "omitted = the caller's units (every unit for an admin, also units the catalogue does not know "
                    + "yet); ALL = every unit, admin only")
            @QueryParam("unit") String unit,
            @Parameter(description = "Dossiers per page, 1 to 1000; default 200")
            @QueryParam(LIMIT) String limit,
            @Parameter(description = "The last listed dossier's dueAt and code, comma-separated "
                    + "(2022-03-01T17:00:00+07:00,SADEC-P1-0001): the page starts after it; the Link header's "
                    + "next page carries it")
            @QueryParam(AFTER) String after,
            @Context UriInfo uri) {
        int size = limit(limit);
        Optional<OverduePosition> from = position(after);
        // One more than the page, to know whether another page follows without counting them all.
        List<TrackedDeadline> found = deadlines.overdue(clock.instant(), access.scope(caller.get(), unit), from,
                size + 1);
        List<OverdueDossier> page = found.stream().limit(size).map(OverdueDossier::of).toList();
        Response.ResponseBuilder response = Response.ok(page);
        if (found.size() > size) {
            TrackedDeadline last = found.get(size - 1);
            response.header("Link", "<" + next(uri, unit, size, last) + ">; rel=\"next\"");
        }
        return response.build();
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below as any other bad limit
        }
        throw ProblemException.invalid(LIMIT, "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Optional<OverduePosition> position(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int comma = text.indexOf(',');
        if (comma > 0 && comma < text.length() - 1) {
            try {
                return Optional.of(new OverduePosition(OffsetDateTime.parse(text.substring(0, comma).trim())
                        .toInstant(), text.substring(comma + 1)));
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw ProblemException.invalid(AFTER, "must be the last listed dossier's dueAt and code, comma-separated, "
                + "as the Link header's next page gives it");
    }

    /** Relative to this host: behind a proxy, the address the client used is not known here for certain. */
    private static String next(UriInfo uri, String unit, int limit, TrackedDeadline last) {
        StringBuilder link = new StringBuilder(uri.getRequestUri().getRawPath()).append('?');
        if (unit != null && !unit.isBlank()) {
            link.append("unit=").append(encoded(unit)).append('&');
        }
        // The instant in UTC, as stored (microseconds kept), so the next page starts exactly after this dossier.
        return link.append(LIMIT).append('=').append(limit).append('&').append(AFTER).append('=')
                .append(encoded(last.dueAt() + "," + last.dossierCode())).toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
