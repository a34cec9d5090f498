package vn.motcua.stats.domain;

/**
 * One running-totals document: a leaf unit (the handling unit, as the events name it), a procedure code, a period id
 * and, only when it is another unit, the counter that received the dossiers ({@code receivedAtUnit}).
 *
 * @param receivingUnit null when the dossiers were received at the handling unit's own counter (normalised so), so
 *                      that such documents keep the id they had before receiving counters were kept
 */
public record TotalsKey(String unit, String procedure, String period, String receivingUnit) {

    /**
     * The procedure of a dossier projected by a build that did not keep procedures (and of the totals documents of
     * that time, converted at start): counted apart, named as unknown in reports.
     */
    public static final String NO_PROCEDURE = "?";

    public TotalsKey {
        if (receivingUnit != null && receivingUnit.equals(unit)) {
            receivingUnit = null;
        }
    }

    /** Dossiers received at the handling unit's own counter. */
    public TotalsKey(String unit, String procedure, String period) {
        this(unit, procedure, period, null);
    }

    /**
     * The document's {@code _id}: {@code unit|procedure|period}, and {@code |receivingUnit} when that is another unit
     * (unit and procedure codes never contain '|'). The ids of documents of the handling unit's own counter are those
     * of the builds before receiving counters.
     */
    public String id() {
        return unit + "|" + procedure + "|" + period + (receivingUnit == null ? "" : "|" + receivingUnit);
    }

    /** The unit whose counter received the dossiers it counts. */
    public String receivedAt() {
        return receivingUnit == null ? unit : receivingUnit;
    }
}
