package vn.motcua.stats.store;

import vn.motcua.stats.domain.DossierFacts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.TotalsDelta;

/**
 * One dossier's change for a guarded write: {@code changed} still carries the version it was read at, and is
 * written as the next one; {@code facts} are its own, derived; {@code pending} the delta it leaves, or null.
 */
public record DossierWrite(DossierRecord changed, DossierFacts facts, TotalsDelta pending) {
}
