package vn.motcua.stats.domain;

/** One running-totals document: a leaf unit (as the events name it), a procedure code and a period id. */
public record TotalsKey(String unit, String procedure, String period) {

    /**
     * The procedure of a dossier projected by a build that did not keep procedures (and of the totals documents of
     * that time, converted at start): counted apart, named as unknown in reports.
     */
    public static final String NO_PROCEDURE = "?";

    /** The document's {@code _id}; unit and procedure codes never contain '|'. */
    public String id() {
        return unit + "|" + procedure + "|" + period;
    }
}
