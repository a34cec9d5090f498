package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.app.DeadlineTracker;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One instance of the service's core, without Quarkus: the dossier-events consumer that keeps deadlines, and the
 * alert scanner gated on that consumer's partitions. The application runs one; the two-instance test runs several.
 */
public final class DeadlineEngine implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final EventConsumerLoop loop;
    private final AlertScanner scanner;
    private final Object ticking = new Object();
    private boolean closed;

    private DeadlineEngine(Producer<String, byte[]> producer, EventConsumerLoop loop, AlertScanner scanner) {
        this.producer = producer;
        this.loop = loop;
        this.scanner = scanner;
    }

    /** @param instanceName the Kafka client id, to tell the instances apart in the group and the logs */
    public static DeadlineEngine start(EngineSettings settings, TopicsConfig topics, String bootstrapServers,
                                       String instanceName,
                                       DeadlineStore store, Clock clock) {
        return start(settings, topics, bootstrapServers, instanceName, store, clock, AlertPublisher::new);
    }

    /** @param publishers makes the alert publisher from the producer and the topic: the crash tests' hook */
    static DeadlineEngine start(EngineSettings settings, TopicsConfig topics, String bootstrapServers,
                                String instanceName, DeadlineStore store, Clock clock,
                                BiFunction<Producer<String, byte[]>, String, AlertPublisher> publishers) {
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        AlertSchedule schedule = new AlertSchedule(settings.dueSoon());
        String dossierEvents = topics.dossierEvents();
        Map<String, Object> consumerConfig = KafkaClients.consumerConfig(bootstrapServers, settings.consumer().group());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, instanceName);
        EventConsumerLoop loop = EventConsumerLoop.start(instanceName, consumerConfig, List.of(dossierEvents),
                new DossierEventHandler(new DeadlineTracker(store, schedule)), new DeadLetters(producer, instanceName));
        AlertPublisher publisher = publishers.apply(producer, topics.deadlineAlerts());
        AlertRecovery recovery = new AlertRecovery(store, publisher, bootstrapServers, clock,
                settings.alerts().publishLease());
        AlertScanner scanner = new AlertScanner(store, schedule, new PartitionGate(loop, dossierEvents), publisher,
                recovery, clock, settings.alerts().batchSize());
        return new DeadlineEngine(producer, loop, scanner);
    }

    /** One alert tick; answers the number of alerts sent. None once closed. */
    public int tick() {
        synchronized (ticking) {
            return closed ? 0 : scanner.tick();
        }
    }

    public EventConsumerLoop consumer() {
        return loop;
    }

    /**
     * Waits for a tick under way to end first, so that a shutdown does not cut one between recording its alerts and
     * marking them published (they would wait for the recovery's lease).
     */
    @Override
    public void close() {
        synchronized (ticking) {
            closed = true;
        }
        loop.close();
        producer.close();
    }
}
