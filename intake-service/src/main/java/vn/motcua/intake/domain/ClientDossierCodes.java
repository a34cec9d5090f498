package vn.motcua.intake.domain;

import java.util.regex.Pattern;

/**
 * A dossier code a client chooses lives in a namespace of its unit: the unit code, a '.', then the client's own
 * part. Intake's codes ({@code {unit}-{yyMMdd}-{number}}) never hold a '.', and unit codes never do either
 * ({@link CatalogueCodes}), so a client can take neither a code intake will make nor one of another unit's clients.
 */
public final class ClientDossierCodes {

    public static final String FORM = "must be the dossier's unit code, '.', then letters, digits, '.', '_' or '-' "
            + "(e.g. SADEC-P1.K7-0042), 3-64 characters in all";

    private static final Pattern OWN_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** As long as the shortest ID number (9 digits; 12 for a citizen's card) or phone (9-10 digits after the 0). */
    private static final int MAX_DIGIT_RUN = 9;

    public static final String NO_LONG_NUMBERS = "must not hold " + MAX_DIGIT_RUN + " or more digits in a row: a code "
            + "is printed, logged and published, an ID number or a phone never is";
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{" + MAX_DIGIT_RUN + ",}");

    private ClientDossierCodes() {
    }

    /** Whether the code holds a run of digits as long as an ID number's or a phone's. */
    public static boolean hasLongNumber(String code) {
        return code != null && DIGIT_RUN.matcher(code).find();
    }

    public static boolean isOfUnit(String code, String unitCode) {
        if (code == null || unitCode == null || code.length() < 3 || code.length() > 64) {
            return false;
        }
        String prefix = unitCode + ".";
        return code.startsWith(prefix) && OWN_PART.matcher(code.substring(prefix.length())).matches();
    }
}
