package vn.motcua.e2e.bench;

import java.util.Arrays;
import java.util.List;

/**
 * How long after its acknowledgement a dossier shows in a count. The k-th acknowledged dossier (in the order the
 * kiosks got their 201s) is taken as counted at the first reading whose count, less the count before the load,
 * reached k: dossiers are applied in another order than they were acknowledged, and a count cannot say which
 * ones it holds, so this is the usual queueing estimate, exact when the order is kept.
 *
 * @param uncounted acknowledged dossiers the count had not reached by its last reading
 */
public record Freshness(long p50Nanos, long p99Nanos, long maxNanos, int measured, int uncounted) {

    /** @param ackNanos the acknowledgements' {@link System#nanoTime()}, ascending */
    public static Freshness of(long[] ackNanos, long countBefore, List<CountSampler.Sample> samples) {
        long[] delays = new long[ackNanos.length];
        int uncounted = 0;
        int reading = 0;
        for (int k = 1; k <= ackNanos.length; k++) {
            while (reading < samples.size() && samples.get(reading).count() - countBefore < k) {
                reading++;
            }
            if (reading == samples.size()) {
                delays[k - 1] = Long.MAX_VALUE;
                uncounted++;
            } else {
                // Counted before its 201 reached the kiosk (the reading raced the answer): as fresh as can be.
                delays[k - 1] = Math.max(0, samples.get(reading).nanoTime() - ackNanos[k - 1]);
            }
        }
        Arrays.sort(delays);
        return new Freshness(percentile(delays, 0.50), percentile(delays, 0.99),
                delays.length == 0 ? 0 : delays[delays.length - 1], ackNanos.length, uncounted);
    }

    /** Nearest rank; {@link Long#MAX_VALUE} when that rank was never counted. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** A delay for the table: "640 ms", or "> 30.0 s" past the last reading. */
    public static String format(long nanos, long observedForNanos) {
        return nanos == Long.MAX_VALUE ? "> " + BenchLine.seconds(observedForNanos) + " (not counted yet)"
                : BenchLine.millis(nanos);
    }
}
