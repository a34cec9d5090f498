package vn.motcua.stats.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.motcua.api.ProblemException;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.UnitCatalogue;
import vn.motcua.stats.store.TotalsStore;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the pre-aggregated totals of a period and rolls them up: ALL, or a unit and its children. */
@Singleton
public final class ReportService {

    public static final String ALL = "ALL";

    private final TotalsStore totals;
    private final UnitCatalogue units;
    private final Clock clock;

    @Inject
    ReportService(TotalsStore totals, Clock clock) {
        this(totals, UnitCatalogue.fromResource("units.csv"), clock);
    }

    public ReportService(TotalsStore totals, UnitCatalogue units, Clock clock) {
        this.totals = totals;
        this.units = units;
        this.clock = clock;
    }

    /** Validates the query at the edge: a well-formed period, and a unit the catalogue or the totals know. */
    public ReportQuery query(String periodText, String unitText) {
        Period period = Period.parse(periodText).orElseThrow(() -> ProblemException.invalid("period",
                "expected a year (2022), a half-year (2022-H1) or a quarter (2022-Q3), got '" + periodText + "'"));
        String unit = unitText == null || unitText.isBlank() ? ALL : unitText.trim();
        if (!unit.equals(ALL) && (!unit.matches("[A-Za-z0-9._-]{1,64}")
                || (units.find(unit).isEmpty() && !totals.hasUnit(unit)))) {
            throw ProblemException.invalid("unit", "unknown unit '" + unit + "'; use ALL or a unit code");
        }
        return new ReportQuery(period, unit);
    }

    /** The stored counts of each leaf unit that the query covers, in catalogue order. */
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

    /** One unit's (or a sum's) form, as of the earlier of now and the period's end. */
    public PeriodReport report(Period period, String unit, Counts counts) {
        return PeriodReport.of(period, unit, counts, clock.instant());
    }

    public String unitName(String code) {
        return units.nameOf(code);
    }

    public record ReportQuery(Period period, String unit) {
    }
}
