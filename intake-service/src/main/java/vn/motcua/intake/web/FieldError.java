package vn.motcua.intake.web;

/** One offending input: the field's JSON path (or header name) and what is wrong with it. */
public record FieldError(String field, String message) {
}
