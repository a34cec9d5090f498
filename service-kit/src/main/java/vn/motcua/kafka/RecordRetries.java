package vn.motcua.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record each partition is stuck at, how many times it failed and when it may be tried again. Only the loop's
 * thread touches it. A partition's entry goes with the partition: a new owner counts its attempts afresh.
 */
final class RecordRetries {

    private final Map<TopicPartition, Stuck> stuck = new HashMap<>();

    /** Counts a failure of the record at {@code offset}; returns how many times it failed in a row (1-based). */
    int failed(TopicPartition partition, long offset) {
        Stuck previous = stuck.get(partition);
        int attempts = previous != null && previous.offset == offset ? previous.attempts + 1 : 1;
        stuck.put(partition, new Stuck(offset, attempts, Long.MAX_VALUE));
        return attempts;
    }

    /** The partition is paused until {@code retryAtNanos} ({@link System#nanoTime()}). */
    void waitUntil(TopicPartition partition, long retryAtNanos) {
        stuck.computeIfPresent(partition, (p, s) -> new Stuck(s.offset, s.attempts, retryAtNanos));
    }

    /** Partitions whose wait is over, each returned once; their entry (the attempt count) stays. */
    List<TopicPartition> due(long nowNanos) {
        List<TopicPartition> due = new ArrayList<>();
        stuck.replaceAll((partition, s) -> {
            if (s.retryAtNanos != Long.MAX_VALUE && nowNanos - s.retryAtNanos >= 0) {
                due.add(partition);
                return new Stuck(s.offset, s.attempts, Long.MAX_VALUE);
            }
            return s;
        });
        return due;
    }

    /** The partition moved past its stuck record (handled, or given up to the dead-letter topic). */
    void settled(TopicPartition partition) {
        stuck.remove(partition);
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(stuck::remove);
    }

    void clear() {
        stuck.clear();
    }

    private record Stuck(long offset, int attempts, long retryAtNanos) {
    }
}
