package vn.motcua.security;

/**
 * The four realm roles of the suite (Keycloak realm {@code motcua}, claim {@code realm_access.roles}). What each may
 * do is the matrix in docs/contracts.md, "Who may do what".
 */
public final class Roles {

    /** A kiosk client (client-credentials grant) with one unit in its {@code unit} claim: posts dossiers for it. */
    public static final String KIOSK = "kiosk";
    /** A counter clerk in one or more unit groups: every dossier step and applicant data of those units. */
    public static final String CLERK = "clerk";
    /** Overdue lists, alert streams and reports of its units; never applicant data. */
    public static final String SUPERVISOR = "supervisor";
    /** Catalogue, calendar and stats administration, and everything the others may do, for every unit. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
