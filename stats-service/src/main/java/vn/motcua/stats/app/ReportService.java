package vn.motcua.stats.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.motcua.api.ProblemException;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.UnitTree;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.UnitStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Reads the pre-aggregated totals of a period and rolls them up by the unit tree as it stands when the query is
 * read: totals stay stored per (unit code, period) as the events named the unit, so a unit that arrives late or
 * moves to another parent counts where it is now, with nothing to recompute (docs/time-and-counting.md, the period
 * report).
 */
@Singleton
public final class ReportService {

    public static final String ALL = "ALL";

    private final TotalsStore totals;
    private final UnitStore units;
    private final Clock clock;

    @Inject
    public ReportService(TotalsStore totals, UnitStore units, Clock clock) {
        this.totals = totals;
        this.units = units;
        this.clock = clock;
    }

    /**
     * Validates the query at the edge: a well-formed period, and ALL or a unit code that the tree knows or that has
     * totals (a dossier of a unit whose {@code unit.changed} has not come yet counts under its own code).
     */
    public ReportQuery query(String periodText, String unitText) {
        Period period = Period.parse(periodText).orElseThrow(() -> ProblemException.invalid("period",
                "expected a year (2022), a half-year (2022-H1) or a quarter (2022-Q3), got '" + periodText + "'"));
        String unit = unitText == null || unitText.isBlank() ? ALL : unitText.trim();
        UnitTree tree = units.tree();
        if (!unit.equals(ALL) && (!unit.matches("[A-Za-z0-9._-]{1,64}")
                || (!tree.knows(unit) && !totals.hasUnit(unit)))) {
            throw ProblemException.invalid("unit", "unknown unit '" + unit + "'; use ALL or a unit code");
        }
        return new ReportQuery(period, unit, tree);
    }

    /**
     * The stored counts of each unit code the query covers, in tree order: for ALL every code with totals, known to
     * the tree or not; for a unit, the codes of its whole subtree.
     */
    public List<UnitRow> rows(ReportQuery query) {
        String period = query.period().id();
        Map<String, Counts> byUnit = query.unit().equals(ALL)
                ? totals.forPeriod(period)
                : totals.forPeriod(period, query.tree().subtree(query.unit()));
        return query.tree().ordered(byUnit.keySet()).stream()
                .map(code -> new UnitRow(code, query.tree().nameOf(code), byUnit.get(code)))
                .toList();
    }

    /** The sum of {@link #rows}: the JSON report and the CSV's total row are the same figures. */
    public PeriodReport report(ReportQuery query) {
        Counts sum = new Counts();
        rows(query).forEach(row -> sum.addAll(row.counts()));
        return report(query.period(), query.unit(), sum);
    }

    /** One unit's (or a sum's) form, as of the earlier of now and the period's end. */
    public PeriodReport report(Period period, String unit, Counts counts) {
        return PeriodReport.of(period, unit, counts, clock.instant());
    }

    /** A validated query, with the tree it was validated against: one read of the tree serves the whole answer. */
    public record ReportQuery(Period period, String unit, UnitTree tree) {
    }

    /** One unit code's own stored counts; its name from the tree, or the code when the tree does not know it. */
    public record UnitRow(String code, String name, Counts counts) {
    }
}
