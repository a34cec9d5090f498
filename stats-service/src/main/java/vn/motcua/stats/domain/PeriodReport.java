package vn.motcua.stats.domain;

import vn.motcua.calendar.VietnamTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Form 06/VPCP/KSTT for one unit (or ALL) and period, as {@code GET /api/stats/reports/{period}} answers it: the
 * total of the query, Decision 766's indicators, and the rows of the chosen breakdown ({@code by}), each with the
 * same columns and its own indicators. Identities: received.total = newOnline + newDirectOrPostal + carriedOver =
 * resolved.total + pending.total + withdrawn. Rates are fractions (0.9337), null when their denominator is zero.
 *
 * @param period the period's name ({@code 2022-H1}), whatever the convention
 * @param cutoff the day periods start on under the cut-off convention (15), null for calendar periods
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
        Summary summary,
        Integer cutoff,
        Indicators indicators,
        String by,
        List<Row> rows) {

    /** The form of {@code unit} in {@code period} from its counters, as of the earlier of now and the period's end. */
    public static PeriodReport of(Period period, String unit, Counts c, Instant now) {
        return of(period, unit, Map.of(TotalsKey.NO_PROCEDURE, c), ProcedureCatalogue.EMPTY, now, null, List.of());
    }

    /** The total of {@code byProcedure} with its indicators, and the breakdown's rows. */
    public static PeriodReport of(Period period, String unit, Map<String, Counts> byProcedure,
                                  ProcedureCatalogue catalogue, Instant now, String by, List<Row> rows) {
        Row total = Row.of(unit, unit, null, byProcedure, catalogue);
        return new PeriodReport(period.name(), unit, period.from(), period.to(),
                period.asOf(now).atZone(VietnamTime.ZONE).toOffsetDateTime(), total.received(), total.resolved(),
                total.pending(), total.withdrawn(), total.online(), total.summary(),
                period.convention().cutoffDay(), total.indicators(), by, rows);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    /** Averages of working days: two places (4.35), null when nothing was measured. */
    static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(100.0 * sum / count) / 100.0;
    }

    /**
     * One row of a breakdown (a unit code, a procedure or a field), or the total: form 06's columns and Decision
     * 766's indicators of the counts it sums, given per procedure.
     *
     * @param field the procedure's field on procedure rows; null otherwise
     */
    public record Row(String code, String name, String field, Received received, Resolved resolved, Pending pending,
                      long withdrawn, Online online, Summary summary, Indicators indicators) {

        public static Row of(String code, String name, String field, Map<String, Counts> byProcedure,
                             ProcedureCatalogue catalogue) {
            Counts c = new Counts();
            byProcedure.values().forEach(c::addAll);
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
            Summary summary = new Summary(early + onTime, late + overdue,
                    rate(early + onTime + within, resolved + pending), rate(newOnline, newOnline + newOther));
            return new Row(code, name, field,
                    new Received(newOnline + newOther + carried, newOnline, newOther, carried),
                    new Resolved(resolved, early, onTime, late),
                    new Pending(pending, within, overdue),
                    c.get(Counter.WITHDRAWN),
                    new Online(c.get(Counter.ONLINE_LEVEL3), c.get(Counter.ONLINE_LEVEL4)),
                    summary, Indicators.of(summary, c, byProcedure, catalogue));
        }
    }

    /**
     * Decision 766/QĐ-TTg's indicators (docs/time-and-counting.md, "Indicators"), each null when its denominator is
     * zero: onTimeShare = (early + onTime + pending within) / (resolved + pending); onlineShare = newOnline /
     * (newOnline + newDirectOrPostal); averageHandlingWorkingDays = handling days / handlingMeasured over the
     * resolutions in the period that carry them; electronicResultShare = resultElectronic / resultDeliveryKnown,
     * the resolutions in the period whose delivery was given.
     */
    public record Indicators(Double onTimeShare, Double onlineShare, Double averageHandlingWorkingDays,
                             long handlingMeasured, Double electronicResultShare, long resultElectronic,
                             long resultDeliveryKnown, List<ProcedureAverage> averageHandlingWorkingDaysByProcedure) {

        static Indicators of(Summary summary, Counts c, Map<String, Counts> byProcedure, ProcedureCatalogue catalogue) {
            long electronic = c.get(Counter.RESULT_ELECTRONIC);
            long known = electronic + c.get(Counter.RESULT_PAPER) + c.get(Counter.RESULT_POSTAL);
            long measured = c.get(Counter.HANDLING_MEASURED);
            List<ProcedureAverage> perProcedure = new ArrayList<>();
            byProcedure.forEach((code, counts) -> {
                long n = counts.get(Counter.HANDLING_MEASURED);
                if (n > 0) {
                    perProcedure.add(new ProcedureAverage(code, catalogue.nameOf(code),
                            average(counts.get(Counter.HANDLING_DAYS_SUM), n), n));
                }
            });
            perProcedure.sort(catalogue.order(ProcedureAverage::code));
            return new Indicators(summary.onTimeRate(), summary.onlineRate(),
                    average(c.get(Counter.HANDLING_DAYS_SUM), measured), measured, rate(electronic, known),
                    electronic, known, List.copyOf(perProcedure));
        }
    }

    /** One procedure's average handling time in working days, over {@code measured} resolutions. */
    public record ProcedureAverage(String code, String name, Double averageHandlingWorkingDays, long measured) {
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
