package vn.motcua.intake.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.intake.app.CitizenLookup;

import java.time.Duration;
import java.util.Optional;

/**
 * The citizens' status page (trang tra cứu hồ sơ), rendered on the server so that it works without JavaScript: a
 * form for the lookup code on the appointment slip, and {@code /tra-cuu?ma=<code>} for a link or the slip's QR
 * code. It takes from the same per-address limit as the JSON lookup.
 */
@Path("/tra-cuu")
@Tag(name = "Citizens", description = "Pages for citizens, without login")
public class CitizenPageResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final CitizenLookup lookup;
    private final LookupLimiter limiter;

    CitizenPageResource(CitizenLookup lookup, LookupLimiter limiter) {
        this.lookup = lookup;
        this.limiter = limiter;
    }

    @PermitAll
    @GET
    @Produces(HTML)
    @Operation(summary = "The status page: the lookup form, or where the dossier of code `ma` stands",
            description = Who.STATUS_PAGE)
    @APIResponse(responseCode = "200", description = "The form, or the dossier's status and dates")
    @APIResponse(responseCode = "404", description = "\"Không tìm thấy hồ sơ\": no dossier has this code, or it is "
            + "not a lookup code at all")
    @APIResponse(responseCode = "429", description = "Too many lookups from this address; Retry-After says when")
    public Response page(@QueryParam("ma") String typed, @Context HttpServerRequest request) {
        if (typed == null || typed.isBlank()) {
            return answer(Response.Status.OK, StatusPage.form());
        }
        Optional<Duration> retryAfter = limiter.tryTake(request);
        if (retryAfter.isPresent()) {
            return Response.fromResponse(answer(Response.Status.TOO_MANY_REQUESTS,
                            StatusPage.tryLater(typed, retryAfter.get())))
                    .header("Retry-After", retryAfter.get().toSeconds()).build();
        }
        return lookup.find(typed).map(found -> answer(Response.Status.OK, StatusPage.found(found)))
                .orElseGet(() -> answer(Response.Status.NOT_FOUND, StatusPage.notFound(typed)));
    }

    /** Never stored by a browser or a proxy: the page shows where one person's dossier stands. */
    private static Response answer(Response.Status status, StatusPage page) {
        return Response.status(status).type(HTML).header("Cache-Control", "no-store")
                .entity(Pages.statusPage(page).render()).build();
    }
}
