package vn.motcua.intake.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.motcua.api.FieldError;
import vn.motcua.api.Problem;
import vn.motcua.api.ProblemMappers;
import vn.motcua.intake.config.IntakeConfig;

import java.util.List;

/**
 * Refuses a body larger than any dossier needs with a problem+json answer; the HTTP layer's own hard limit
 * (quarkus.http.limits.max-body-size) stays above this and only catches bodies without a Content-Length.
 */
public class BodySizeLimit {

    private final long maxBodyBytes;

    BodySizeLimit(IntakeConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @ServerRequestFilter
    public Response refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (bytes <= maxBodyBytes) {
            return null;
        }
        return ProblemMappers.respond(new Problem(Problem.BLANK_TYPE, "Request body too large", 413,
                "The body has " + bytes + " bytes; at most " + maxBodyBytes + " are accepted.",
                request.getUriInfo().getPath(), List.of(new FieldError("body", "is larger than " + maxBodyBytes + " bytes"))));
    }
}
