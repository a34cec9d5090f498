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

    /**
     * A sequence already observed is a redelivery or a replay: nothing changes, unless the stored one was written by
     * a build that did not keep the procedure (a replay of the topic then completes it).
     */
    public DossierRecord withObservation(Observation observation) {
        List<Observation> more = new ArrayList<>(observations);
        for (int i = 0; i < observations.size(); i++) {
            Observation known = observations.get(i);
            if (known.sequence() == observation.sequence()) {
                if (!observation.completes(known)) {
                    return this;
                }
                more.set(i, observation);
                return new DossierRecord(code, version, List.copyOf(more), tickedClock);
            }
        }
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
