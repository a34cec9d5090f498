package vn.motcua.stats.domain;

import vn.motcua.events.Channel;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What one dossier adds to the running totals: a pure function of its facts. Every write to the totals is the
 * difference between this function before and after a change of facts, so the totals always equal the sum of
 * this function over all dossiers (which is what the rebuild recomputes).
 */
public final class Contributions {

    private Contributions() {
    }

    /**
     * For every period of both conventions the dossier touches up to its clock, under the unit that handled it in
     * that period ({@link #handlingUnit}), its procedure and its receiving counter.
     */
    public static Map<TotalsKey, Counts> of(DossierFacts facts) {
        Map<TotalsKey, Counts> result = new HashMap<>();
        if (!facts.isKnown()) {
            return result;
        }
        for (Period period : Period.overlapping(facts.receivedAt(), facts.clock())) {
            Counts counts = inPeriod(facts, period);
            if (!counts.isEmpty()) {
                result.put(new TotalsKey(handlingUnit(facts, period), facts.procedureOrUnknown(), period.id(),
                        facts.receivingUnit()), counts);
            }
        }
        return result;
    }

    /**
     * Whose dossier it is in P (docs/time-and-counting.md, "Counting units over time"): the unit that handled it when
     * it closed, if it closed in P, else at the end of P, after every transfer up to that instant. A dossier thus
     * counts wholly at one unit per period, and in the period of a transfer at the successor: a unit's figures
     * balance (received = resolved + withdrawn + pending).
     */
    static String handlingUnit(DossierFacts f, Period p) {
        boolean closedInP = f.closedAt() != null && !f.closedAt().isAfter(p.end());
        return f.unitAt(closedInP ? f.closedAt() : p.end());
    }

    /**
     * What a period report counts (docs/time-and-counting.md, "period report"): new if received in P, carried
     * over if received before P and open when P began; resolved or withdrawn if closed in P; otherwise pending,
     * overdue if dueAt lies before T = the earlier of the period's end and the dossier's clock, and not paused then.
     */
    static Counts inPeriod(DossierFacts f, Period p) {
        Counts c = new Counts();
        if (f.receivedAt().isAfter(p.end()) || (f.closedAt() != null && f.closedAt().isBefore(p.start()))) {
            return c;
        }
        if (f.receivedAt().isBefore(p.start())) {
            c.add(Counter.CARRIED_OVER, 1);
        } else if (f.channel() == Channel.ONLINE) {
            c.add(Counter.NEW_ONLINE, 1);
            if (f.onlineLevel() != null && f.onlineLevel() == 3) {
                c.add(Counter.ONLINE_LEVEL3, 1);
            } else if (f.onlineLevel() != null && f.onlineLevel() == 4) {
                c.add(Counter.ONLINE_LEVEL4, 1);
            }
        } else {
            c.add(Counter.NEW_DIRECT_OR_POSTAL, 1);
        }
        if (f.closedAt() != null && !f.closedAt().isAfter(p.end())) {
            c.add(closedCounter(f), 1);
            resolutionIndicators(f, c);
        } else {
            Instant t = f.clock().isBefore(p.end()) ? f.clock() : p.end();
            DossierFacts.DeadlineState state = f.stateAt(t);
            boolean overdue = !state.paused() && state.dueAt() != null && state.dueAt().isBefore(t);
            c.add(overdue ? Counter.PENDING_OVERDUE : Counter.PENDING_WITHIN_DEADLINE, 1);
        }
        return c;
    }

    /**
     * Decision 766's inputs from a resolution in P: its handling time when intake sent one (sum and how many), and
     * how the result was delivered when the clerk said so. A withdrawal has neither.
     */
    private static void resolutionIndicators(DossierFacts f, Counts c) {
        if (f.handlingWorkingDays() != null) {
            c.add(Counter.HANDLING_DAYS_SUM, f.handlingWorkingDays());
            c.add(Counter.HANDLING_MEASURED, 1);
        }
        if (f.resultDelivery() != null) {
            c.add(switch (f.resultDelivery()) {
                case ELECTRONIC -> Counter.RESULT_ELECTRONIC;
                case PAPER -> Counter.RESULT_PAPER;
                case POSTAL -> Counter.RESULT_POSTAL;
            }, 1);
        }
    }

    private static Counter closedCounter(DossierFacts f) {
        if (f.withdrawn()) {
            return Counter.WITHDRAWN;
        }
        return switch (f.timeliness()) {
            case EARLY -> Counter.RESOLVED_EARLY;
            case ON_TIME -> Counter.RESOLVED_ON_TIME;
            case LATE -> Counter.RESOLVED_LATE;
        };
    }

    /** new − old, per totals document, without empty entries. */
    public static Map<TotalsKey, Counts> difference(Map<TotalsKey, Counts> before, Map<TotalsKey, Counts> after) {
        Map<TotalsKey, Counts> delta = new HashMap<>();
        after.forEach((key, counts) -> delta.put(key, counts.copy()));
        before.forEach((key, counts) -> delta.computeIfAbsent(key, k -> new Counts()).subtractAll(counts));
        delta.values().removeIf(Counts::isEmpty);
        return delta;
    }
}
