package vn.motcua.stats.support;

import vn.motcua.stats.app.CrashPoint;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the process at crash points in turn: at the next place of {@code places}, after letting a random 0 to
 * {@code maxSkip} passes of it go by, then the place after it, until it has killed {@code total} times. Going round
 * the places, rather than at random ones, makes sure that every place is hit. A place not passed within
 * {@link #PATIENCE} passes of other places (recovery's, when nothing was left pending) is given up for the next.
 */
public final class CrashSchedule implements CrashPoint {

    private final Random random;
    private final List<String> places;
    private final int total;
    private final int maxSkip;
    /** Above the totals documents one delta touches (both period conventions: 14 a year), which pass TOTALS_APPLIED each. */
    static final int PATIENCE = 40;

    private final AtomicInteger crashed = new AtomicInteger();
    private final Set<String> crashedAt = new ConcurrentSkipListSet<>();
    private int target;
    private int skip;
    private int patience = PATIENCE;

    public CrashSchedule(Random random, List<String> places, int total, int maxSkip) {
        this.random = random;
        this.places = List.copyOf(places);
        this.total = total;
        this.maxSkip = maxSkip;
        this.skip = random.nextInt(maxSkip + 1);
    }

    @Override
    public synchronized void reached(String where) {
        if (crashed.get() >= total) {
            return;
        }
        if (!where.equals(places.get(target))) {
            if (--patience == 0) {
                next();
            }
            return;
        }
        if (skip-- > 0) {
            return;
        }
        crashed.incrementAndGet();
        crashedAt.add(where);
        next();
        throw new SimulatedCrash(where);
    }

    private void next() {
        target = (target + 1) % places.size();
        skip = random.nextInt(maxSkip + 1);
        patience = PATIENCE;
    }

    public int crashed() {
        return crashed.get();
    }

    public int remaining() {
        return total - crashed.get();
    }

    public Set<String> places() {
        return Set.copyOf(crashedAt);
    }

    /** A kill: not an exception the consumer loop would retry, but the end of its thread, offsets uncommitted. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash at " + where, null, false, false);
        }
    }
}
