package vn.motcua.stats.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-dossier projection document in memory: its observations, the clock that alerts and sweeps advanced,
 * and the version that guards concurrent writers. Changes return a new record, or this one when nothing changes.
 */
public record DossierRecord(String code, long version, List<Observation> observations, Instant tickedClock) {

    public static DossierRecord empty(String code) {
        return new DossierRecord(code, 0, List.of(), null);
    }

    public DossierFacts facts() {
        return DossierFacts.derive(code, observations, tickedClock);
    }

    /** A sequence already observed is a redelivery or a replay: nothing changes. */
    public DossierRecord withObservation(Observation observation) {
        for (Observation known : observations) {
            if (known.sequence() == observation.sequence()) {
                return this;
            }
        }
        List<Observation> more = new ArrayList<>(observations);
        more.add(observation);
        return new DossierRecord(code, version, List.copyOf(more), tickedClock);
    }

    /** Advances the clock to t; an earlier or equal t (a repeated alert, an old sweep) changes nothing. */
    public DossierRecord tickedTo(Instant t) {
        Instant clock = facts().clock();
        Instant at = Observation.millis(t);
        if (clock != null && !at.isAfter(clock)) {
            return this;
        }
        return new DossierRecord(code, version, observations, at);
    }
}
