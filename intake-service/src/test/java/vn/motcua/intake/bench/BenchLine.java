package vn.motcua.intake.bench;

/**
 * The one machine-readable line a figure gets, which {@code bench/run} collects into its table:
 * {@code BENCH | figure | value | baseline | ratio | target}, the baseline measured in the same run.
 */
final class BenchLine {

    private BenchLine() {
    }

    /** Requests per second against the baseline's; the ratio is this over the baseline (higher is better). */
    static void rate(String figure, BenchResult result, BenchResult baseline, String target) {
        print(figure, "%.0f/s".formatted(result.perSecond()),
                "%.0f/s %s".formatted(baseline.perSecond(), baseline.name()),
                "%.2f".formatted(result.perSecond() / baseline.perSecond()), target);
    }

    /** The 99th percentile latency against the baseline's; the ratio is this over the baseline (lower is better). */
    static void p99(String figure, BenchResult result, BenchResult baseline, String target) {
        print(figure, "%.1f ms".formatted(result.percentileMillis(99)),
                "%.1f ms %s".formatted(baseline.percentileMillis(99), baseline.name()),
                "%.2f".formatted(result.percentileMillis(99) / baseline.percentileMillis(99)), target);
    }

    /** The median latency against the baseline's median. */
    static void p50(String figure, BenchResult result, BenchResult baseline, String target) {
        print(figure, "%.2f ms".formatted(result.percentileMillis(50)),
                "%.2f ms %s p50".formatted(baseline.percentileMillis(50), baseline.name()),
                "%.2f".formatted(result.percentileMillis(50) / baseline.percentileMillis(50)), target);
    }

    private static void print(String figure, String value, String baseline, String ratio, String target) {
        System.out.printf("BENCH | %s | %s | %s | %s | %s%n", figure, value, baseline, ratio, target);
    }
}
