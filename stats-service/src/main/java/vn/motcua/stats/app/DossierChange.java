package vn.motcua.stats.app;

import vn.motcua.stats.domain.DossierRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** What one event does to one dossier's projection; returns the record itself when it changes nothing. */
public record DossierChange(String code, UnaryOperator<DossierRecord> change) {

    /**
     * The changes per dossier, each dossier's in the order given made into one, dossiers in the order first met:
     * several events of one dossier in a batch become one new version of it.
     */
    static Map<String, UnaryOperator<DossierRecord>> byDossier(List<DossierChange> changes) {
        Map<String, UnaryOperator<DossierRecord>> combined = new LinkedHashMap<>();
        for (DossierChange c : changes) {
            combined.merge(c.code(), c.change(), (first, then) -> record -> then.apply(first.apply(record)));
        }
        return combined;
    }
}
