package vn.motcua.intake.bench;

/**
 * The one machine-readable line a figure gets, which {@code bench/run} collects into its table:
 * {@code BENCH | figure | value | baseline | ratio | target | verdict}, the baseline measured in the same run; the
 * verdict ({@code met}, {@code MISSED}, or {@code -} without a target) is what {@code bench/run --check} reads.
 */
final class BenchLine {

    private BenchLine() {
    }

    /**
     * Requests per second against the baseline's; the ratio is this over the baseline (higher is better).
     *
     * @param atLeast the lowest ratio that meets the target; null when the figure has none
     */
    static void rate(String figure, BenchResult result, BenchResult baseline, Double atLeast) {
        double ratio = result.perSecond() / baseline.perSecond();
        print(figure, "%.0f/s".formatted(result.perSecond()),
                "%.0f/s %s".formatted(baseline.perSecond(), baseline.name()), ratio,
                atLeast == null ? "-" : ">= %.2f".formatted(atLeast), atLeast == null ? null : ratio >= atLeast);
    }

    /**
     * The 99th percentile latency against the baseline's; the ratio is this over the baseline (lower is better).
     *
     * @param atMost the highest ratio that meets the target
     */
    static void p99(String figure, BenchResult result, BenchResult baseline, double atMost) {
        double ratio = result.percentileMillis(99) / baseline.percentileMillis(99);
        print(figure, "%.1f ms".formatted(result.percentileMillis(99)),
                "%.1f ms %s".formatted(baseline.percentileMillis(99), baseline.name()), ratio,
                "<= %.2f".formatted(atMost), ratio <= atMost);
    }

    /** The median latency against the baseline's median; no target. */
    static void p50(String figure, BenchResult result, BenchResult baseline) {
        print(figure, "%.2f ms".formatted(result.percentileMillis(50)),
                "%.2f ms %s p50".formatted(baseline.percentileMillis(50), baseline.name()),
                result.percentileMillis(50) / baseline.percentileMillis(50), "-", null);
    }

    private static void print(String figure, String value, String baseline, double ratio, String target, Boolean met) {
        System.out.printf("BENCH | %s | %s | %s | %.2f | %s | %s%n", figure, value, baseline, ratio, target,
                met == null ? "-" : met ? "met" : "MISSED");
    }
}
