package vn.motcua.intake.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The short code printed on the appointment slip for the citizen: eight symbols of {@link #ALPHABET}. A citizen
 * reads it off paper and types it, so what they type is forgiven its case, spaces and dashes, and nothing else.
 */
public final class LookupCodes {

    /** No 0/O, 1/I/L: they are mistaken for each other on paper. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    /** Input longer than this is not read at all: no way of typing a code comes near it. */
    private static final int MAX_TYPED = 64;

    private LookupCodes() {
    }

    /** The code as stored, from what a citizen typed; empty when no lookup code can have been meant. */
    public static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        String code = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
        return FORM.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
