package vn.motcua.stats.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The answer of {@code GET /api/stats/reports/{period}}: form 06/VPCP/KSTT for one unit (or ALL) and period.
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
