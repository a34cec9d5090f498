package vn.motcua.stats.domain;

import vn.motcua.calendar.VietnamTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Form 06/VPCP/KSTT for one unit (or ALL) and period, as {@code GET /api/stats/reports/{period}} answers it.
 * Identities: received.total = newOnline + newDirectOrPostal + carriedOver = resolved.total + pending.total +
 * withdrawn. Rates are fractions (0.9337), null when their denominator is zero.
 */
public record PeriodReport(
        String period,
        String unit,
        LocalDate from,
        LocalDate to,
        OffsetDateTime asOf,
        Received received,
        Resolved resolved,
        Pending pending,
        long withdrawn,
        Online online,
        Summary summary) {

    /** The form of {@code unit} in {@code period} from its counters, as of the earlier of now and the period's end. */
    public static PeriodReport of(Period period, String unit, Counts c, Instant now) {
        long newOnline = c.get(Counter.NEW_ONLINE);
        long newOther = c.get(Counter.NEW_DIRECT_OR_POSTAL);
        long carried = c.get(Counter.CARRIED_OVER);
        long early = c.get(Counter.RESOLVED_EARLY);
        long onTime = c.get(Counter.RESOLVED_ON_TIME);
        long late = c.get(Counter.RESOLVED_LATE);
        long within = c.get(Counter.PENDING_WITHIN_DEADLINE);
        long overdue = c.get(Counter.PENDING_OVERDUE);
        long resolved = early + onTime + late;
        long pending = within + overdue;
        return new PeriodReport(period.id(), unit, period.from(), period.to(),
                period.asOf(now).atZone(VietnamTime.ZONE).toOffsetDateTime(),
                new Received(newOnline + newOther + carried, newOnline, newOther, carried),
                new Resolved(resolved, early, onTime, late),
                new Pending(pending, within, overdue),
                c.get(Counter.WITHDRAWN),
                new Online(c.get(Counter.ONLINE_LEVEL3), c.get(Counter.ONLINE_LEVEL4)),
                new Summary(early + onTime, late + overdue,
                        rate(early + onTime + within, resolved + pending), rate(newOnline, newOnline + newOther)));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    /** Cols. 3–6: số hồ sơ nhận giải quyết. */
    public record Received(long total, long newOnline, long newDirectOrPostal, long carriedOver) {
    }

    /** Cols. 7–10: số hồ sơ đã giải quyết. */
    public record Resolved(long total, long early, long onTime, long late) {
    }

    /** Cols. 11–13: số hồ sơ đang giải quyết. */
    public record Pending(long total, long withinDeadline, long overdue) {
    }

    /** Of the new online dossiers: level 3 (một phần) and level 4 (toàn trình). */
    public record Online(long level3, long level4) {
    }

    public record Summary(long onTimeOrEarly, long lateOrOverdue, Double onTimeRate, Double onlineRate) {
    }
}
