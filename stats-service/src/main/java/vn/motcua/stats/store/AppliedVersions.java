package vn.motcua.stats.store;

/**
 * The field names of the watermarks older builds kept in a totals document, {@code applied.<code>}, read once to
 * convert them ({@link TotalsStore#legacyDocuments}). A dossier code may hold '.', which MongoDB reads as a path, or
 * a leading '$', which it refuses: those, '%' itself and NUL (all ASCII) were written as {@code %XX} (upper-case
 * hex), so every field decodes back to its code.
 */
final class AppliedVersions {

    private AppliedVersions() {
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
