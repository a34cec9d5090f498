package vn.motcua.stats.store;

import org.bson.Document;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;

/** The {@code c} sub-document of counters, {@code {newOnline: 12, …}}, as totals and pending deltas store it. */
final class CountsDocuments {

    private CountsDocuments() {
    }

    static Document document(Counts counts) {
        Document c = new Document();
        counts.asMap().forEach((counter, amount) -> c.append(counter.field(), amount));
        return c;
    }

    /** Absent counters are zero; a missing sub-document is no counts at all. */
    static Counts counts(Document c) {
        Counts counts = new Counts();
        if (c != null) {
            for (Counter counter : Counter.values()) {
                Number value = c.get(counter.field(), Number.class);
                if (value != null) {
                    counts.add(counter, value.longValue());
                }
            }
        }
        return counts;
    }
}
