package vn.motcua.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.motcua.api.FieldError;
import vn.motcua.api.Problem;
import vn.motcua.intake.app.UnitNotReceiving;

import java.time.LocalDate;
import java.util.List;

/**
 * The problem+json of {@link UnitNotReceiving}: the suite's one shape plus the extension members
 * {@code successorCode} or {@code existsFrom} (RFC 9457 allows members of a problem type's own). JAX-RS picks the
 * mapper of the nearest exception class, so this one answers before service-kit's.
 */
@Provider
public class UnitNotReceivingMapper implements ExceptionMapper<UnitNotReceiving> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnitProblem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                       String successorCode, LocalDate existsFrom) {
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(UnitNotReceiving e) {
        Problem problem = e.toProblem(uri == null ? null : uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(new UnitProblem(problem.type(), problem.title(), problem.status(), problem.detail(),
                        problem.instance(), problem.errors(), e.successorCode(), e.existsFrom()))
                .build();
    }
}
