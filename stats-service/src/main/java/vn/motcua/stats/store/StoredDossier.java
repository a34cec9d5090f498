package vn.motcua.stats.store;

import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;

/** A dossier as read from its document, with the delta a change left unfinished ({@code pending}, else null). */
public record StoredDossier(DossierRecord dossier, TotalsDelta pending) {
}
