package vn.motcua.stats.store;

/**
 * The field names of a totals document's watermarks, {@code applied.<code>}. A dossier code is the client's (see
 * intake-service's client {@code dossierCode}) and may hold '.', which MongoDB reads as a path, or a leading '$',
 * which it refuses: those, '%' itself and NUL (all ASCII) are written as {@code %XX} (upper-case hex), so two
 * codes never share a field and every field decodes back to its code.
 */
final class AppliedVersions {

    static final String FIELD = "applied";

    private AppliedVersions() {
    }

    /** {@code applied.<encoded code>}: the path of the dossier's watermark in a totals document. */
    static String path(String code) {
        return FIELD + "." + encode(code);
    }

    static String encode(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '.' || c == '$' || c == '%' || c == '\0') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String decode(String field) {
        if (field.indexOf('%') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '%') {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
