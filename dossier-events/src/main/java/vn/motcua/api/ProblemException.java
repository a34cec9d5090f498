package vn.motcua.api;

import java.util.List;

/** Refuses a request with a problem+json answer; thrown before anything is written, or rolls the write back. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
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
