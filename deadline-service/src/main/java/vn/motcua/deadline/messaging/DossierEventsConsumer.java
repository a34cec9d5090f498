package vn.motcua.deadline.messaging;

import io.smallrye.common.annotation.Identifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.app.AlertChannel;
import vn.motcua.deadline.app.DeadlineTracker;
import vn.motcua.deadline.app.DossierFeed;
import vn.motcua.deadline.app.DossierFeeds;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The Kafka side of the deadline engine ({@link DossierFeeds}): per engine, the dossier-events consumer of the
 * shared group ({@code motcua.consumer.group}), its dead letters, the producer of deadline-alerts and the loop's
 * gauges. Remembers the connection it opened last, whose loop the health checks ask about (the application opens
 * one; the tests open several from instances of their own).
 */
@Singleton
public class DossierEventsConsumer implements DossierFeeds {

    private final EngineSettings settings;
    private final TopicsConfig topics;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final BiFunction<Producer<String, byte[]>, String, AlertPublisher> publishers;

    private volatile Connection current;

    @Inject
    public DossierEventsConsumer(EngineSettings settings, TopicsConfig topics,
                                 @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                                 MeterRegistry meters) {
        this(settings, topics, kafkaConfig, meters, null);
    }

    /** @param publishers makes the alert publisher from the producer and the topic (null: the real one): the crash tests' hook */
    public DossierEventsConsumer(EngineSettings settings, TopicsConfig topics, Map<String, Object> kafkaConfig,
                                 MeterRegistry meters,
                                 BiFunction<Producer<String, byte[]>, String, AlertPublisher> publishers) {
        this.settings = settings;
        this.topics = topics;
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
        this.publishers = publishers != null ? publishers
                : (producer, topic) -> new AlertPublisher(producer, topic, kafkaConfig);
    }

    @Override
    public DossierFeed connect(String instanceName, DeadlineTracker tracker) {
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(kafkaConfig));
        String dossierEvents = topics.dossierEvents();
        Map<String, Object> consumerConfig = KafkaClients.consumerConfig(kafkaConfig, settings.consumer().group());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, instanceName);
        EventConsumerLoop loop = EventConsumerLoop.start(instanceName, consumerConfig, List.of(dossierEvents),
                new DossierEventHandler(tracker), new DeadLetters(producer, instanceName));
        Connection connection = new Connection(producer, loop, new PartitionGate(loop, dossierEvents),
                publishers.apply(producer, topics.deadlineAlerts()),
                ConsumerLoopGauges.bind(meters, "dossier-events", loop));
        current = connection;
        return connection;
    }

    /** The dossier-events loop of the open connection, for its health; null before the start and after the stop. */
    EventConsumerLoop loop() {
        Connection open = current;
        return open == null ? null : open.loop;
    }

    /** One engine's consumer, producer and gauges, closed together. */
    public final class Connection implements DossierFeed {

        private final Producer<String, byte[]> producer;
        private final EventConsumerLoop loop;
        private final PartitionGate gate;
        private final AlertPublisher publisher;
        private final ConsumerLoopGauges gauges;

        private Connection(Producer<String, byte[]> producer, EventConsumerLoop loop, PartitionGate gate,
                           AlertPublisher publisher, ConsumerLoopGauges gauges) {
            this.producer = producer;
            this.loop = loop;
            this.gate = gate;
            this.publisher = publisher;
            this.gauges = gauges;
        }

        @Override
        public Set<Integer> openPartitions() {
            return gate.open();
        }

        @Override
        public boolean isOpen(int partition) {
            return gate.isOpen(partition);
        }

        @Override
        public AlertChannel alerts() {
            return publisher;
        }

        /** The consumer loop itself, for tests that watch its assignment. */
        public EventConsumerLoop loop() {
            return loop;
        }

        @Override
        public void close() {
            if (current == this) {
                current = null;
            }
            gauges.close();
            loop.close();
            producer.close();
        }
    }
}
