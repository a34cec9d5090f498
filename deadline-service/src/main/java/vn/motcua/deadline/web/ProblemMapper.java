package vn.motcua.deadline.web;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Invalid input becomes a 400 {@code application/problem+json} answer. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        Problem problem = new Problem("about:blank", "Invalid request parameter", 400,
                e.parameter() + ": " + e.getMessage(), List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
