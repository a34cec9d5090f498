package vn.motcua.stats.report;

import vn.motcua.stats.period.Period;
import vn.motcua.stats.projection.Counter;
import vn.motcua.stats.projection.Counts;
import vn.motcua.stats.store.TotalsStore;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the pre-aggregated totals of a period and rolls them up: ALL, or a unit and its children. */
public final class ReportService {

    public static final String ALL = "ALL";

    private final TotalsStore totals;
    private final UnitCatalogue units;
    private final Clock clock;

    public ReportService(TotalsStore totals, UnitCatalogue units, Clock clock) {
        this.totals = totals;
        this.units = units;
        this.clock = clock;
    }

    /** Validates the query at the edge: a well-formed period, and a unit the catalogue or the totals know. */
    public ReportQuery query(String periodText, String unitText) {
        Period period = Period.parse(periodText).orElseThrow(() -> new BadQueryException("period",
                "expected a year (2022), a half-year (2022-H1) or a quarter (2022-Q3), got '" + periodText + "'"));
        String unit = unitText == null || unitText.isBlank() ? ALL : unitText.trim();
        if (!unit.equals(ALL) && (!unit.matches("[A-Za-z0-9._-]{1,64}")
                || (units.find(unit).isEmpty() && !totals.hasUnit(unit)))) {
            throw new BadQueryException("unit", "unknown unit '" + unit + "'; use ALL or a unit code");
        }
        return new ReportQuery(period, unit);
    }

    /** The stored counts of each leaf unit that the query covers. */
    public Map<String, Counts> countsByUnit(ReportQuery query) {
        Map<String, Counts> byUnit = query.unit().equals(ALL)
                ? totals.forPeriod(query.period().id())
                : totals.forPeriod(query.period().id(), units.withDescendants(query.unit()));
        Map<String, Counts> ordered = new LinkedHashMap<>();
        units.ordered(byUnit.keySet()).forEach(code -> ordered.put(code, byUnit.get(code)));
        return ordered;
    }

    public PeriodReport report(ReportQuery query) {
        Counts sum = new Counts();
        countsByUnit(query).values().forEach(sum::addAll);
        return report(query.period(), query.unit(), sum);
    }

    public PeriodReport report(Period period, String unit, Counts c) {
        Instant asOf = period.asOf(clock.instant());
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
                asOf.atZone(Period.ZONE).toOffsetDateTime(),
                new PeriodReport.Received(newOnline + newOther + carried, newOnline, newOther, carried),
                new PeriodReport.Resolved(resolved, early, onTime, late),
                new PeriodReport.Pending(pending, within, overdue),
                c.get(Counter.WITHDRAWN),
                new PeriodReport.Online(c.get(Counter.ONLINE_LEVEL3), c.get(Counter.ONLINE_LEVEL4)),
                new PeriodReport.Summary(early + onTime, late + overdue,
                        rate(early + onTime + within, resolved + pending), rate(newOnline, newOnline + newOther)));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    public UnitCatalogue units() {
        return units;
    }

    public record ReportQuery(Period period, String unit) {
    }

    /** A query parameter that cannot be answered; the resource turns it into a problem+json 400. */
    public static final class BadQueryException extends RuntimeException {
        private final String field;

        public BadQueryException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

}
