package vn.motcua.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Refuses a request with a problem+json answer; thrown before anything is written, or rolls the write back. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, Map.of());
    }

    /** With response headers the client needs to act on the problem (Retry-After, …). */
    public ProblemException(int status, String title, String detail, List<FieldError> errors,
                            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "Invalid request",
                "The request has " + errors.size() + " invalid field(s).", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist.", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict with the current state", detail, List.of());
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict with the current state", detail, List.of(new FieldError(field, detail)));
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(422, "Unprocessable request", detail, List.of(new FieldError(field, detail)));
    }

    /** 401: no valid token (missing, expired, forged, another issuer's); the caller should log in. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "Authentication required", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"motcua\""));
    }

    /** 403: a valid caller whose role or units do not allow this; nothing was read or written. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    /** 429 with {@code Retry-After}: a limit was reached; the same request may succeed later. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, "Too many requests", detail, List.of(),
                Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.BLANK_TYPE, title, status, getMessage(), instance, errors);
    }
}
