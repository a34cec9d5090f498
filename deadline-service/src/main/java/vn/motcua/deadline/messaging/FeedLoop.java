package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.EventHandler;
import vn.motcua.events.kafka.KafkaClients;

import java.util.List;
import java.util.Map;

/**
 * A consumer loop beside the deadline engine (the catalogue, the SSE stream's alerts) and the producer of its dead
 * letters, started and stopped together.
 */
final class FeedLoop implements AutoCloseable {

    private final Producer<String, byte[]> deadLetterProducer;
    private final EventConsumerLoop loop;

    private FeedLoop(Producer<String, byte[]> deadLetterProducer, EventConsumerLoop loop) {
        this.deadLetterProducer = deadLetterProducer;
        this.loop = loop;
    }

    /** @param consumerConfig from {@link KafkaClients#consumerConfig}, with the feed's own settings */
    static FeedLoop start(String name, String bootstrapServers, Map<String, Object> consumerConfig, String topic,
                          EventHandler handler) {
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        return new FeedLoop(producer, EventConsumerLoop.start(name, consumerConfig, List.of(topic), handler,
                new DeadLetters(producer, name)));
    }

    EventConsumerLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        loop.close();
        deadLetterProducer.close();
    }
}
