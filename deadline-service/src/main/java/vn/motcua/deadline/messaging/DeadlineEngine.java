package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.app.DeadlineTracker;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One instance of the service's core, without Quarkus: the dossier-events consumer that keeps deadlines, and the
 * alert scanner gated on that consumer's partitions. The application runs one; the two-instance test runs several.
 */
public final class DeadlineEngine implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final EventConsumerLoop loop;
    private final AlertScanner scanner;

    private DeadlineEngine(Producer<String, byte[]> producer, EventConsumerLoop loop, AlertScanner scanner) {
        this.producer = producer;
        this.loop = loop;
        this.scanner = scanner;
    }

    /** @param instanceName the Kafka client id, to tell the instances apart in the group and the logs */
    public static DeadlineEngine start(EngineSettings settings, TopicsConfig topics, String bootstrapServers,
                                       String instanceName,
                                       DeadlineStore store, Clock clock) {
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        AlertSchedule schedule = new AlertSchedule(settings.dueSoon());
        String dossierEvents = topics.dossierEvents();
        Map<String, Object> consumerConfig = KafkaClients.consumerConfig(bootstrapServers, settings.consumer().group());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, instanceName);
        EventConsumerLoop loop = EventConsumerLoop.start(instanceName, consumerConfig, List.of(dossierEvents),
                new DossierEventHandler(new DeadlineTracker(store, schedule)), new DeadLetters(producer, instanceName));
        AlertScanner scanner = new AlertScanner(store, schedule, new PartitionGate(loop, dossierEvents),
                new AlertPublisher(producer, topics.deadlineAlerts()), clock, settings.alerts().batchSize());
        return new DeadlineEngine(producer, loop, scanner);
    }

    /** One alert tick; answers the number of alerts sent. */
    public int tick() {
        return scanner.tick();
    }

    public EventConsumerLoop consumer() {
        return loop;
    }

    @Override
    public void close() {
        loop.close();
        producer.close();
    }
}
