package vn.motcua.deadline.engine;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.deadline.alert.AlertPublisher;
import vn.motcua.deadline.alert.AlertSchedule;
import vn.motcua.deadline.alert.AlertScanner;
import vn.motcua.deadline.alert.PartitionGate;
import vn.motcua.deadline.tracking.DeadlineStore;
import vn.motcua.deadline.tracking.DeadlineTracker;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One instance of the service's core, without Quarkus: the dossier-events consumer that keeps deadlines, and the
 * alert scanner gated on that consumer's partitions. The application runs one; the two-instance test runs two.
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

    public static DeadlineEngine start(EngineSettings settings, DataSource dataSource, Clock clock) {
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(settings.bootstrapServers()));
        DeadlineStore store = new DeadlineStore();
        AlertSchedule schedule = new AlertSchedule(settings.dueSoon());
        Map<String, Object> consumerConfig = KafkaClients.consumerConfig(settings.bootstrapServers(), settings.consumerGroup());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.instanceName());
        EventConsumerLoop loop = EventConsumerLoop.start(settings.instanceName(), consumerConfig,
                List.of(settings.dossierEventsTopic()), new DeadlineTracker(dataSource, store, schedule),
                new DeadLetters(producer, settings.instanceName()));
        AlertScanner scanner = new AlertScanner(dataSource, store, schedule,
                new PartitionGate(loop, settings.dossierEventsTopic()),
                new AlertPublisher(producer, settings.alertsTopic()), clock, settings.batchSize());
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
