package vn.motcua.deadline.web;

import java.util.List;

/** An RFC 9457 problem detail; {@code errors} names each offending field or parameter. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String detail) {
    }
}
