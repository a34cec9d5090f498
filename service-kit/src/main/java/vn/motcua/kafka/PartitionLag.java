package vn.motcua.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the loop knows of each partition it owns: how far behind the broker's end it was at its last poll. Written
 * by the loop's thread, read by health checks and the partition gate on other threads.
 */
final class PartitionLag {

    /** Empty while unknown or while records of the partition are in hand: not caught up. */
    private final Map<TopicPartition, OptionalLong> caughtUpView = new ConcurrentHashMap<>();
    /** The last lag actually read, for gauges; kept while a batch is processed. */
    private final Map<TopicPartition, Long> lastKnown = new ConcurrentHashMap<>();

    void assigned(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> caughtUpView.put(partition, OptionalLong.empty()));
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            caughtUpView.remove(partition);
            lastKnown.remove(partition);
        });
    }

    /** Records of these partitions are in hand: not caught up until they are processed and the lag read again. */
    void processing(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> caughtUpView.replace(partition, OptionalLong.empty()));
    }

    void observed(TopicPartition partition, OptionalLong lag) {
        caughtUpView.put(partition, lag);
        if (lag.isPresent()) {
            lastKnown.put(partition, lag.getAsLong());
        }
    }

    Set<TopicPartition> assignment() {
        return Set.copyOf(caughtUpView.keySet());
    }

    boolean isCaughtUp(TopicPartition partition) {
        OptionalLong behind = caughtUpView.get(partition);
        return behind != null && behind.isPresent() && behind.getAsLong() == 0;
    }

    Map<TopicPartition, Long> lag() {
        Map<TopicPartition, Long> copy = new HashMap<>(lastKnown);
        copy.keySet().retainAll(caughtUpView.keySet());
        return Map.copyOf(copy);
    }
}
