package vn.motcua.stats.app;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.motcua.api.Checks;
import vn.motcua.stats.config.StatsConfig;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.ProcedureCatalogue;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.domain.UnitHistories;
import vn.motcua.stats.domain.UnitOutline;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.UnitStore;

import java.text.Collator;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the pre-aggregated totals of a period (per leaf unit, procedure and receiving counter) and sums them by the
 * period's unit tree and the procedure catalogue as it stands when the query is read. The period's tree places each
 * unit where its states put it on the last day of the period on which it existed (docs/time-and-counting.md,
 * "Counting units over time"), so re-parenting or closing units later leaves an earlier period's report as it was;
 * a procedure that changes field counts where it is now. Nothing is recomputed. Of the generation being served
 * (docs/architecture.md, "Rebuild from the topic").
 */
@Singleton
@Startup // a deployment default that is not a convention fails the start, not the first report
public final class ReportService {

    public static final String ALL = "ALL";

    /**
     * The rows of a report: per unit code (the handling unit), per procedure, per field (lĩnh vực) of the
     * procedures, or per counter that received the dossiers ({@code receivedAtUnit}).
     */
    public enum Breakdown {
        UNIT("unit"), FIELD("field"), PROCEDURE("procedure"), RECEIVING_UNIT("receivingUnit");

        private final String parameter;

        Breakdown(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

    private final Supplier<Sources> sources;
    private final Clock clock;
    private final PeriodConvention defaultConvention;

    /** The service's: reads the generation being served, whichever it is when a query comes. */
    @Inject
    ReportService(Generations generations, Clock clock, StatsConfig config) {
        this(() -> {
            GenerationGraph serving = generations.serving();
            return new Sources(serving.totals(), serving.units(), serving.procedures());
        }, clock, config.defaultCutoff()
                .map(text -> PeriodConvention.parse(text).orElseThrow(() -> new IllegalArgumentException(
                        "motcua.stats.default-cutoff must be 15 (or unset for calendar periods), got '" + text + "'")))
                .orElse(PeriodConvention.CALENDAR));
    }

    public ReportService(TotalsStore totals, UnitStore units, ProcedureStore procedures, Clock clock,
                         PeriodConvention defaultConvention) {
        this(() -> new Sources(totals, units, procedures), clock, defaultConvention);
    }

    private ReportService(Supplier<Sources> sources, Clock clock, PeriodConvention defaultConvention) {
        this.sources = sources;
        this.clock = clock;
        this.defaultConvention = defaultConvention;
    }

    /** One generation's stores: a query and a report each read from one generation. */
    private record Sources(TotalsStore totals, UnitStore units, ProcedureStore procedures) {
    }

    /**
     * Validates the query at the edge, every parameter at once: a well-formed period; ALL or a unit code that the
     * catalogue knows in any state or that has totals (a dossier of a unit whose {@code unit.changed} has not come yet
     * counts under its own code); {@code by} unit (default), field, procedure or receivingUnit; {@code cutoff} 15 or
     * calendar (default: the deployment's).
     */
    public ReportQuery query(String periodText, String unitText, String byText, String cutoffText) {
        Checks problems = new Checks();
        PeriodConvention convention = cutoffText == null || cutoffText.isBlank() ? defaultConvention
                : PeriodConvention.parse(cutoffText).orElse(null);
        if (convention == null) {
            problems.fail("cutoff", "expected 15 (periods from the 15th) or calendar, got '" + cutoffText + "'");
        }
        Period period = Period.parse(periodText, convention == null ? defaultConvention : convention).orElse(null);
        if (period == null) {
            problems.fail("period", "expected a year (2022), a half-year (2022-H1) or a quarter (2022-Q3), got '"
                    + periodText + "'");
        }
        Breakdown by = byText == null || byText.isBlank() ? Breakdown.UNIT : Arrays.stream(Breakdown.values())
                .filter(b -> b.parameter().equals(byText.trim())).findFirst().orElse(null);
        if (by == null) {
            problems.fail("by", "expected unit, field, procedure or receivingUnit, got '" + byText + "'");
        }
        String unit = unitText == null || unitText.isBlank() ? ALL : unitText.trim();
        Sources from = sources.get();
        UnitHistories units = from.units().histories();
        if (!unit.equals(ALL) && (!unit.matches("[A-Za-z0-9._-]{1,64}")
                || (!units.knows(unit) && !from.totals().hasUnit(unit)))) {
            problems.fail("unit", "unknown unit '" + unit + "'; use ALL or a unit code");
        }
        problems.throwIfInvalid();
        return new ReportQuery(period, unit, units.of(period), by);
    }

    /** A query of the calendar (or default) convention by unit, as before {@code by} and {@code cutoff}. */
    public ReportQuery query(String periodText, String unitText) {
        return query(periodText, unitText, null, null);
    }

    /**
     * The total of the query's subtree in the period's tree, its indicators, and the rows of its breakdown: one read
     * of the totals. Units that did not exist in the period count nowhere in it.
     */
    public PeriodReport report(ReportQuery query) {
        String period = query.period().id();
        Sources from = sources.get();
        Map<TotalsKey, Counts> stored = query.unit().equals(ALL)
                ? from.totals().forPeriod(period)
                : from.totals().forPeriod(period, query.tree().subtree(query.unit()));
        stored.keySet().removeIf(key -> !query.tree().counts(key.unit()));
        // A document left at zero (its dossiers moved on, e.g. to a closed unit's successor) is no row.
        stored.values().removeIf(Counts::isEmpty);
        ProcedureCatalogue catalogue = from.procedures().catalogue();
        List<PeriodReport.Row> rows = switch (query.by()) {
            case UNIT -> unitRows(query.tree(), stored, catalogue, TotalsKey::unit);
            case RECEIVING_UNIT -> unitRows(query.tree(), stored, catalogue, TotalsKey::receivedAt);
            case PROCEDURE -> procedureRows(stored, catalogue);
            case FIELD -> fieldRows(stored, catalogue);
        };
        return PeriodReport.of(query.period(), query.unit(), byProcedure(stored, key -> true), catalogue,
                clock.instant(), query.by().parameter(), rows);
    }

    /**
     * One row per unit code with totals in the subtree (the handling unit's, or the receiving counter's), in the
     * period's tree order and with its names: the code's own dossiers, not its children's.
     */
    private static List<PeriodReport.Row> unitRows(UnitOutline tree, Map<TotalsKey, Counts> stored,
                                                   ProcedureCatalogue catalogue, Function<TotalsKey, String> unitOf) {
        List<String> codes = tree.ordered(stored.keySet().stream().map(unitOf).collect(Collectors.toSet()));
        return codes.stream().map(code -> PeriodReport.Row.of(code, tree.nameOf(code), null,
                byProcedure(stored, key -> unitOf.apply(key).equals(code)), catalogue)).toList();
    }

    /** One row per procedure with totals, by name; its field as the catalogue says now. */
    private static List<PeriodReport.Row> procedureRows(Map<TotalsKey, Counts> stored, ProcedureCatalogue catalogue) {
        return stored.keySet().stream().map(TotalsKey::procedure).distinct().sorted(catalogue.order(Function.identity()))
                .map(code -> PeriodReport.Row.of(code, catalogue.nameOf(code),
                        ProcedureCatalogue.fieldName(catalogue.fieldOf(code)),
                        byProcedure(stored, key -> key.procedure().equals(code)), catalogue))
                .toList();
    }

    /** One row per field: the sum of its procedures' rows; "chưa phân loại" (code "?") last. */
    private static List<PeriodReport.Row> fieldRows(Map<TotalsKey, Counts> stored, ProcedureCatalogue catalogue) {
        Comparator<String> order = Comparator.comparing((String f) -> f.equals(ProcedureCatalogue.UNKNOWN_FIELD))
                .thenComparing(Function.identity(), VIETNAMESE);
        return stored.keySet().stream().map(key -> catalogue.fieldOf(key.procedure())).distinct().sorted(order)
                .map(field -> PeriodReport.Row.of(field, ProcedureCatalogue.fieldName(field), null,
                        byProcedure(stored, key -> catalogue.fieldOf(key.procedure()).equals(field)), catalogue))
                .toList();
    }

    private static Map<String, Counts> byProcedure(Map<TotalsKey, Counts> stored,
                                                   Predicate<TotalsKey> in) {
        Map<String, Counts> result = new HashMap<>();
        stored.forEach((key, counts) -> {
            if (in.test(key)) {
                result.computeIfAbsent(key.procedure(), p -> new Counts()).addAll(counts);
            }
        });
        return result;
    }

    /** A validated query, with the period's tree: one read of the units serves the whole answer. */
    public record ReportQuery(Period period, String unit, UnitOutline tree, Breakdown by) {
    }
}
