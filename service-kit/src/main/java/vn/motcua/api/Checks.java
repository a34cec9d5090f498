package vn.motcua.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request, so the client learns all of them in one answer. */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    public Checks require(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            fail(field, "is required");
        }
        return this;
    }

    public Checks check(boolean condition, String field, String message) {
        if (!condition) {
            fail(field, message);
        }
        return this;
    }

    public Checks maxLength(String field, String value, int max) {
        return check(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public Checks fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 400 problem naming every collected field, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors());
        }
    }
}
