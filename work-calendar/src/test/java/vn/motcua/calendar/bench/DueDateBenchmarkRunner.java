package vn.motcua.calendar.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DueDateBenchmark} and prints due-date computations per second and the speed-up of the index, also as
 * one {@code BENCH |} line for {@code bench/run}.
 */
public final class DueDateBenchmarkRunner {

    private DueDateBenchmarkRunner() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(DueDateBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double indexed = score(results, "indexedDueDate");
        double naive = score(results, "naiveDayByDayDueDate");
        System.out.printf("%n%d-working-day due dates per second:%n", DueDateBenchmark.WORKING_DAYS);
        System.out.printf("  indexed calculator : %,15.0f ops/s%n", indexed);
        System.out.printf("  naive day-by-day   : %,15.0f ops/s%n", naive);
        System.out.printf("  index speed-up     : %15.1f x (target >= 20 x)%n", indexed / naive);
        // the one machine-readable line of this figure, collected by bench/run into its table
        System.out.printf("BENCH | work-calendar: %d-working-day due dates, indexed | %.0f ops/s | %.0f ops/s naive "
                + "day by day | %.1f | >= 20 | %s%n", DueDateBenchmark.WORKING_DAYS, indexed, naive, indexed / naive,
                indexed / naive >= 20 ? "met" : "MISSED");
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method))
                .getPrimaryResult().getScore();
    }
}
