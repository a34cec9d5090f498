package vn.motcua.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a count (the report's received dossiers, deadline's tracked ones) every few milliseconds on a thread of its
 * own and keeps each reading with the instant its answer arrived: the latest instant the count can stand for, so
 * that a freshness computed from it is never flattered by the sampling.
 */
public final class CountSampler implements AutoCloseable {

    /** A count that can be read (over HTTP or JDBC), or fail. */
    @FunctionalInterface
    public interface Count {
        long read() throws Exception;
    }

    /** {@code count} as it stood when its answer arrived, at {@code nanoTime} ({@link System#nanoTime()}). */
    public record Sample(long nanoTime, long count) {
    }

    private final String name;
    private final Count count;
    private final long intervalNanos;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastFailure;
    private int failures;

    public CountSampler(String name, Count count, long intervalMillis) {
        this.name = name;
        this.count = count;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = new Thread(this::sample, "bench-sampler-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        long next = System.nanoTime();
        while (running) {
            try {
                long value = count.read();
                long at = System.nanoTime();
                synchronized (samples) {
                    samples.add(new Sample(at, value));
                }
            } catch (Exception e) {
                lastFailure = e.toString();
                failures++;
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime(); // a slow read: the next one at once, no burst to catch up
            }
        }
    }

    /** The latest reading, or -1 before the first. */
    public long latest() {
        synchronized (samples) {
            return samples.isEmpty() ? -1 : samples.get(samples.size() - 1).count();
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Readings per second over the run, and the failures: how fine the freshness figures are. */
    public String describe() {
        List<Sample> all = samples();
        double seconds = all.size() < 2 ? 0 : (all.get(all.size() - 1).nanoTime() - all.get(0).nanoTime()) / 1e9;
        return String.format(java.util.Locale.ROOT, "%s: %d readings, %.1f a second, %d failed%s", name, all.size(),
                seconds == 0 ? 0 : all.size() / seconds, failures, lastFailure == null ? "" : " (last: " + lastFailure + ")");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
