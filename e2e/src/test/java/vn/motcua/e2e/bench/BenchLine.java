package vn.motcua.e2e.bench;

import java.util.Locale;

/**
 * One figure of the suite's benchmark table, in the form the root {@code bench} script collects:
 * {@code BENCH | figure | value | baseline | ratio | target | verdict}; the verdict ({@code met}, {@code MISSED}, or
 * {@code -} without a target) is what {@code bench/run --check} reads.
 */
public final class BenchLine {

    private BenchLine() {
    }

    /** A figure without a target. */
    public static void print(String figure, String value) {
        System.out.println("BENCH | " + figure + " | " + value + " | - | - | - | -");
    }

    /** A figure and whether it met its target. */
    public static void print(String figure, String value, String target, boolean met) {
        System.out.println("BENCH | " + figure + " | " + value + " | - | - | " + target + " | "
                + (met ? "met" : "MISSED"));
    }

    public static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    public static String seconds(double nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    public static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%d MB", Math.round(kilobytes / 1024.0));
    }

    public static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%.0f", rate);
    }
}
