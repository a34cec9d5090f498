package vn.motcua.stats.store;

/**
 * Names used as field names: a dossier's marks are {@code marks.<totals id>}, and the watermarks of older builds'
 * totals documents were {@code applied.<dossier code>}. A totals id holds the procedure's code ("1.001612") and a
 * dossier code is the client's (see intake-service's client {@code dossierCode}): '.', which MongoDB reads as a
 * path, a leading '$', which it refuses, '%' itself and NUL (all ASCII) are written as {@code %XX} (upper-case
 * hex), so two names never share a field and every field decodes back to its name.
 */
final class FieldNames {

    private FieldNames() {
    }

    /** {@code <parent>.<encoded name>}. */
    static String path(String parent, String name) {
        return parent + "." + encode(name);
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
