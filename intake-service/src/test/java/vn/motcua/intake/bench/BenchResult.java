package vn.motcua.intake.bench;

/** Every latency of one measured run, sorted, and how long the run took. */
record BenchResult(String name, long[] sortedNanos, double seconds) {

    double perSecond() {
        return sortedNanos.length / seconds;
    }

    double percentileMillis(int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    @Override
    public String toString() {
        return "%-26s %8d ops %9.1f /s   p50 %6.2f ms   p99 %6.2f ms".formatted(name, sortedNanos.length,
                perSecond(), percentileMillis(50), percentileMillis(99));
    }
}
