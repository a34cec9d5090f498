package vn.motcua.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one error answer of every service: an RFC 9457 problem detail with the offending fields named in
 * {@code errors} (docs/contracts.md#errors-problemjson).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** No type of our own: title and status say what happened, {@code errors} says where. */
    public static final String BLANK_TYPE = "about:blank";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
