package vn.motcua.api;

/** One offending input: the body field's JSON path, the query parameter or the header, and what is wrong with it. */
public record FieldError(String field, String message) {
}
