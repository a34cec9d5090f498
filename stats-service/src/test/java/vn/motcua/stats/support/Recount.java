package vn.motcua.stats.support;

import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The test's own count of form 06, straight from the histories and the words of docs/time-and-counting.md
 * (period report), sharing no code with the service: for [from, to] and T = min(now, end of to), walk each history.
 */
public final class Recount {

    private Recount() {
    }

    public static Form06 count(Collection<History> histories, Collection<String> units, LocalDate from,
                               LocalDate to, Instant now) {
        Instant start = from.atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant endExclusive = to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant asOf = now.isBefore(endExclusive) ? now : endExclusive.minusNanos(1);
        long[] n = new long[11];
        for (History h : histories) {
            if (!units.contains(h.unit()) || !h.receivedAt().isBefore(endExclusive)) {
                continue;
            }
            History.Step closing = closing(h.steps());
            if (closing != null && closing.at().isBefore(start)) {
                continue; // closed before the period began
            }
            if (h.receivedAt().isBefore(start)) {
                n[2]++;
            } else if (h.channel() == Channel.ONLINE) {
                n[0]++;
                n[h.onlineLevel() == 3 ? 9 : 10]++;
            } else {
                n[1]++;
            }
            if (closing != null && closing.at().isBefore(endExclusive)) {
                if (closing.type().equals(EventTypes.WITHDRAWN)) {
                    n[8]++;
                } else {
                    n[closing.timeliness() == Timeliness.EARLY ? 3 : closing.timeliness() == Timeliness.ON_TIME ? 4 : 5]++;
                }
            } else {
                n[overdueAt(h.steps(), asOf) ? 7 : 6]++;
            }
        }
        return new Form06(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10]);
    }

    /**
     * Decision 766's raw figures over the histories resolved in [from, to]: handling days summed and how many,
     * results delivered electronically and results whose delivery was said.
     */
    public record Resolutions(long handlingDays, long measured, long electronic, long deliveryKnown) {
    }

    public static Resolutions resolutions(Collection<History> histories, Collection<String> units, LocalDate from,
                                          LocalDate to) {
        Instant start = from.atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant endExclusive = to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        long days = 0;
        long measured = 0;
        long electronic = 0;
        long known = 0;
        for (History h : histories) {
            History.Step closing = closing(h.steps());
            if (!units.contains(h.unit()) || closing == null || !closing.type().equals(EventTypes.RESOLVED)
                    || closing.at().isBefore(start) || !closing.at().isBefore(endExclusive)) {
                continue;
            }
            days += h.handlingWorkingDays(closing.at());
            measured++;
            if (h.resultDelivery() != null) {
                known++;
                electronic += h.resultDelivery() == ResultDelivery.ELECTRONIC ? 1 : 0;
            }
        }
        return new Resolutions(days, measured, electronic, known);
    }

    private static History.Step closing(List<History.Step> steps) {
        return steps.stream().filter(s -> s.type().equals(EventTypes.RESOLVED) || s.type().equals(EventTypes.WITHDRAWN))
                .findFirst().orElse(null);
    }

    /** Open at t: overdue if its deadline then lies before t and its clock was not stopped for a supplement. */
    private static boolean overdueAt(List<History.Step> steps, Instant t) {
        Instant dueAt = null;
        boolean stopped = false;
        for (History.Step s : steps) {
            if (s.at().isAfter(t)) {
                break;
            }
            dueAt = s.dueAt();
            if (s.type().equals(EventTypes.SUPPLEMENT_REQUESTED)) {
                stopped = !s.at().isAfter(s.dueAt());
            } else if (s.type().equals(EventTypes.SUPPLEMENT_RECEIVED)) {
                stopped = false;
            }
        }
        return !stopped && dueAt != null && dueAt.isBefore(t);
    }
}
