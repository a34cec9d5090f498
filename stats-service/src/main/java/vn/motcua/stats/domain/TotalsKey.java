package vn.motcua.stats.domain;

/** One running-totals document: a leaf unit (as the events name it) and a period id. */
public record TotalsKey(String unit, String period) {

    /** The document's {@code _id}; unit codes never contain '|'. */
    public String id() {
        return unit + "|" + period;
    }
}
