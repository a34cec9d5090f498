package vn.motcua.stats.messaging;

import org.apache.kafka.common.TopicPartition;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.CatalogueUpdates;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generation's reader of the compacted catalogue topic on this instance, with a group that has no offsets, so
 * it reads every partition from the first record into that generation's units and procedures; it knows when it
 * has read them all once (readiness waits for it, and so does a flip).
 */
final class CatalogueConsumer implements AutoCloseable {

    private final EventConsumerLoop loop;
    private volatile boolean loaded;

    private CatalogueConsumer(EventConsumerLoop loop) {
        this.loop = loop;
    }

    static CatalogueConsumer start(String name, Map<String, Object> kafkaConfig, String group, String topic,
                                   CatalogueUpdates updates, DeadLetters deadLetters) {
        return new CatalogueConsumer(EventConsumerLoop.start(name, KafkaClients.consumerConfig(kafkaConfig, group),
                List.of(topic), new CatalogueEventHandler(updates), deadLetters));
    }

    EventConsumerLoop loop() {
        return loop;
    }

    boolean isRunning() {
        return loop.isRunning();
    }

    /**
     * True once the loop, owning its partitions, has read each to the end at least once since it started: from then
     * on the database holds every unit published before. Stays true.
     */
    boolean loaded() {
        if (!loaded) {
            Set<TopicPartition> owned = loop.assignment();
            loaded = !owned.isEmpty() && owned.stream().allMatch(loop::isCaughtUp);
        }
        return loaded;
    }

    @Override
    public void close() {
        loop.close();
    }
}
