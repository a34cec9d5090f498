package vn.motcua.intake.domain;

import java.util.regex.Pattern;

/**
 * The form of unit and procedure codes, checked before any look-up: a malformed code is refused without touching the
 * catalogue or its cache. Unit codes are the suite's ({@code [A-Z0-9-]{1,32}}, docs/contracts.md); procedure codes
 * those of the national procedure database, e.g. {@code 1.004873}.
 */
public final class CatalogueCodes {

    public static final String UNIT_FORM = "must be 1-32 upper-case letters, digits or '-'";
    public static final String PROCEDURE_FORM = "must be 1-32 letters, digits, '.' or '-'";

    private static final Pattern UNIT = Pattern.compile("[A-Z0-9-]{1,32}");
    private static final Pattern PROCEDURE = Pattern.compile("[A-Za-z0-9.-]{1,32}");

    private CatalogueCodes() {
    }

    public static boolean isUnitCode(String code) {
        return code != null && UNIT.matcher(code).matches();
    }

    public static boolean isProcedureCode(String code) {
        return code != null && PROCEDURE.matcher(code).matches();
    }
}
