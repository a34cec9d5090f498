package vn.motcua.stats.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;
import vn.motcua.stats.projection.StatsEventHandler;
import vn.motcua.stats.projection.TimeSweep;
import vn.motcua.stats.store.DossierStore;

import java.util.List;

/**
 * Starts the suite's consumer loop on both topics once the deltas a crash left are finished, and runs the time
 * sweep on a schedule.
 */
@ApplicationScoped
public class StatsConsumer {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "motcua.stats.consumer-group", defaultValue = "stats-service")
    String groupId;
    @ConfigProperty(name = "motcua.topics.dossier-events")
    String dossierEvents;
    @ConfigProperty(name = "motcua.topics.deadline-alerts")
    String deadlineAlerts;

    private final DossierStore store;
    private final TimeSweep sweep;
    private Producer<String, byte[]> deadLetterProducer;
    private EventConsumerLoop loop;

    StatsConsumer(DossierStore store, TimeSweep sweep) {
        this.store = store;
        this.sweep = sweep;
    }

    void start(@Observes StartupEvent event) {
        store.ensureIndexes();
        int finished = store.finishAllPending();
        if (finished > 0) {
            LOG.infof("finished %d deltas left by an earlier stop", finished);
        }
        deadLetterProducer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        loop = EventConsumerLoop.start("stats-consumer", KafkaClients.consumerConfig(bootstrapServers, groupId),
                List.of(dossierEvents, deadlineAlerts), new StatsEventHandler(store),
                new DeadLetters(deadLetterProducer, "stats-service"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
        }
    }

    @Scheduled(every = "${motcua.stats.sweep-every:60s}", delayed = "${motcua.stats.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int advanced = sweep.run();
            if (advanced > 0) {
                LOG.debugf("time sweep advanced %d dossiers", advanced);
            }
        } catch (RuntimeException e) {
            LOG.warn("time sweep failed; it runs again on schedule: " + e);
        }
    }

    public EventConsumerLoop loop() {
        return loop;
    }
}
