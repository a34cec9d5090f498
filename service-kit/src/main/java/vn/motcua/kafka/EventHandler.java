package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.events.CloudEvent;

import java.util.Collection;

/**
 * What a consumer does with each readable event. Called on the loop's thread only. A handler that can apply a
 * poll's worth at once implements {@link BatchEventHandler}; this method stays its one-by-one path.
 */
public interface EventHandler {

    /**
     * Applies the event to the service's own store. Must be idempotent: after a crash the same record comes again.
     * Throw {@link vn.motcua.events.MalformedEventException} for an event whose data cannot be used (it goes to
     * the dead-letter topic at once); any other exception stops the partition at this record, which is retried
     * with a growing backoff and, after the loop's {@link RetryPolicy#maxAttempts()}, sent to the dead-letter topic
     * with the failure and the attempts in its reason header.
     */
    void handle(CloudEvent event, ConsumerRecord<String, byte[]> record);

    default void partitionsAssigned(Collection<TopicPartition> partitions) {
    }

    default void partitionsRevoked(Collection<TopicPartition> partitions) {
    }
}
