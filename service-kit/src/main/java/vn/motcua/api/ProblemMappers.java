package vn.motcua.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves every service as the one {@link Problem} shape. JAX-RS picks the mapper of the nearest
 * exception class, so a {@link ProblemException} is answered as thrown, unreadable JSON names its field, the
 * framework's own refusals (404, 405, 415 …) keep their status, and anything else is a 500 that says nothing was
 * recorded. Security refusals (401, 403) take the same shape; with {@code quarkus.http.auth.proactive=false} every
 * authentication failure reaches these mappers instead of Quarkus' empty answers.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @Provider
    public static final class Refused implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return refused(e, uri);
        }
    }

    /** No token, or one the service cannot trust: expired, forged, from another issuer. */
    @Provider
    public static final class Unauthenticated implements ExceptionMapper<UnauthorizedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UnauthorizedException e) {
            return refused(ProblemException.unauthenticated("A valid bearer token is required."), uri);
        }
    }

    @Provider
    public static final class AuthenticationFailed implements ExceptionMapper<AuthenticationFailedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return refused(ProblemException.unauthenticated(
                    "The bearer token was refused (expired, forged, from another issuer, or not issued for this "
                            + "service)."), uri);
        }
    }

    /** An authenticated caller without the role an endpoint names. */
    @Provider
    public static final class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ForbiddenException e) {
            return refused(ProblemException.forbidden("Your role does not allow this request."), uri);
        }
    }

    /** Malformed JSON, or a value of the wrong type: names the field where Jackson knows it. */
    @Provider
    public static final class UnreadableJson implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return respond(unreadable(e, path(uri)));
        }
    }

    /** Nearer than the framework's own mapper for this class, which answers plain JSON without the field. */
    @Provider
    public static final class MismatchedJson implements ExceptionMapper<MismatchedInputException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(MismatchedInputException e) {
            return respond(unreadable(e, path(uri)));
        }
    }

    @Provider
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return respond(unreadable(json, path(uri)));
            }
            int status = e.getResponse().getStatus();
            Response.Status known = Response.Status.fromStatusCode(status);
            return respond(new Problem(Problem.BLANK_TYPE, known == null ? "Error" : known.getReasonPhrase(), status,
                    e.getMessage(), path(uri), List.of()));
        }
    }

    @Provider
    public static final class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final System.Logger LOG = System.getLogger(Unexpected.class.getName());

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected error on " + path(uri), e);
            return respond(new Problem(Problem.BLANK_TYPE, "Internal error", 500,
                    "The request could not be completed; nothing was recorded.", path(uri), List.of()));
        }
    }

    private static Response refused(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.toProblem(path(uri))));
        e.headers().forEach(response::header);
        return response.build();
    }

    static Problem unreadable(JsonProcessingException e, String instance) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message = e instanceof InvalidFormatException format
                ? "has an invalid value " + format.getValue()
                : "cannot be read: " + e.getOriginalMessage();
        return new Problem(Problem.BLANK_TYPE, "Malformed request body", 400,
                "The request body is not valid JSON for this operation.", instance,
                List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
