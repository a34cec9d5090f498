package vn.motcua.deadline.messaging;

import org.apache.kafka.common.TopicPartition;
import vn.motcua.kafka.EventConsumerLoop;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which partitions of dossier-events this instance may alert for: those it owns and has caught up on, so that a
 * resolution still unread on a partition can never be overtaken by an overdue alert, and two instances never
 * alert for the same partition at once.
 */
public final class PartitionGate {

    private final EventConsumerLoop loop;
    private final String topic;

    public PartitionGate(EventConsumerLoop loop, String topic) {
        this.loop = loop;
        this.topic = topic;
    }

    public Set<Integer> open() {
        return loop.assignment().stream()
                .filter(partition -> partition.topic().equals(topic) && loop.isCaughtUp(partition))
                .map(TopicPartition::partition)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isOpen(int partition) {
        return loop.isCaughtUp(new TopicPartition(topic, partition));
    }
}
