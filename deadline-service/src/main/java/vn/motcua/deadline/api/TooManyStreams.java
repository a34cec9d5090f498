package vn.motcua.deadline.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.motcua.api.ProblemException;
import vn.motcua.api.ProblemMappers;

import java.util.List;

/** The alert streams are at their cap: 429 in the suite's one problem shape, with when to try again. */
public final class TooManyStreams extends ProblemException {

    /** Long enough for a heartbeat to find streams that closed meanwhile and free their slots. */
    static final int RETRY_AFTER_SECONDS = 30;

    TooManyStreams() {
        super(429, "Too many requests", "Too many open alert streams, in total or from this client address; "
                + "close one or try again later.", List.of());
    }

    /** Nearer than the suite's ProblemException mapper, so it wins, and adds Retry-After. */
    @Provider
    public static final class Mapper implements ExceptionMapper<TooManyStreams> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(TooManyStreams e) {
            return Response.fromResponse(ProblemMappers.respond(e.toProblem(uri.getPath())))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
    }
}
