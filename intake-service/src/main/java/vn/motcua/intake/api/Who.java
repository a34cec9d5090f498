package vn.motcua.intake.api;

/**
 * Who may call an endpoint, as its OpenAPI operation says (docs/contracts.md, "Who may do what"); the annotations
 * ({@code @RolesAllowed}, {@code @PermitAll}) and {@code app.DossierAccess} enforce it.
 */
final class Who {

    static final String PUBLIC = "Who: anyone, without a token (published legal information; kiosks and the portal "
            + "show it).";
    static final String ADMIN = "Who: admin (bearer token).";
    static final String ERASE = "Who: admin (bearer token); 403 for any other role, 401 without a token, 404 for an "
            + "unknown dossier.";
    static final String RECEIVE = "Who: kiosk (for its unit), clerk (for its units and those under them), admin "
            + "(any unit); 403 for another unit. Backdating receivedAt beyond motcua.intake.backdate-window working "
            + "days: admin only.";
    static final String READ = "Who: clerk and admin of the dossier's unit or one above it (applicant shown, the "
            + "read recorded); supervisor of those units (no applicant); a kiosk only for dossiers it received (the "
            + "slip; 404 otherwise); 403 for staff of another unit.";
    static final String SLIP = READ + " The applicant's name and phone are printed only for callers who see the "
            + "applicant (clerk, admin; the read recorded); for others their lines are left blank.";
    static final String STEP = "Who: clerk (of the dossier's unit or one above it) and admin; 403 otherwise, "
            + "nothing recorded. Backdating beyond motcua.intake.backdate-window working days: admin only.";
    static final String STATUS_PAGE = "Who: anyone, without a token (an HTML page); a lookup is rate-limited per "
            + "client address like the JSON lookup (429 with Retry-After). Shows status and dates only: neither the "
            + "dossier code nor personal data.";
    static final String LOOKUP = "Who: anyone, without a token; rate-limited per client address (429 with "
            + "Retry-After). Answers status and dates only: neither the dossier code nor personal data.";

    private Who() {
    }
}
