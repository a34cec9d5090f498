package vn.motcua.stats.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.motcua.events.EventCodec;

import java.util.List;
import java.util.Map;

/** RFC 9457 problem details for a query the service cannot answer, naming the offending field. */
@Provider
public class BadQueryMapper implements ExceptionMapper<ReportService.BadQueryException> {

    static final String PROBLEM_JSON = "application/problem+json";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ReportService.BadQueryException e) {
        Problem problem = new Problem("https://motcua.vn/problems/invalid-query", "Invalid query", 400,
                e.getMessage(), uri == null ? null : uri.getPath(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
        try {
            return Response.status(400).type(PROBLEM_JSON).entity(EventCodec.mapper().writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public record Problem(String type, String title, int status, String detail, String instance,
                          List<Map<String, String>> errors) {
    }
}
