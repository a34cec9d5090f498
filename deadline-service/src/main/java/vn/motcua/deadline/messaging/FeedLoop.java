package vn.motcua.deadline.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.EventHandler;
import vn.motcua.kafka.KafkaClients;

import java.util.List;
import java.util.Map;

/**
 * A consumer loop beside the deadline engine (the catalogue, the SSE stream's alerts), the producer of its dead
 * letters and its gauges, started and stopped together.
 */
final class FeedLoop implements AutoCloseable {

    private final Producer<String, byte[]> deadLetterProducer;
    private final EventConsumerLoop loop;
    private final ConsumerLoopGauges gauges;

    private FeedLoop(Producer<String, byte[]> deadLetterProducer, EventConsumerLoop loop, ConsumerLoopGauges gauges) {
        this.deadLetterProducer = deadLetterProducer;
        this.loop = loop;
        this.gauges = gauges;
    }

    /**
     * @param name           the loop's thread and client id
     * @param gaugeName      the {@code loop} tag of its gauges, stable across restarts
     * @param consumerConfig from {@link KafkaClients#consumerConfig}, with the feed's own settings
     */
    static FeedLoop start(String name, String gaugeName, Map<String, Object> kafkaConfig, Map<String, Object> consumerConfig,
                          String topic, EventHandler handler, MeterRegistry meters) {
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(kafkaConfig));
        EventConsumerLoop loop = EventConsumerLoop.start(name, consumerConfig, List.of(topic), handler,
                new DeadLetters(producer, name));
        return new FeedLoop(producer, loop, ConsumerLoopGauges.bind(meters, gaugeName, loop));
    }

    EventConsumerLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        gauges.close();
        loop.close();
        deadLetterProducer.close();
    }
}
