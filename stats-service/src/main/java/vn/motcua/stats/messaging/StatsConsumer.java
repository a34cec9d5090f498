package vn.motcua.stats.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.config.StatsConfig;
import vn.motcua.stats.config.TopicsConfig;

import java.util.List;

/** Starts the suite's consumer loop on both topics once the deltas a crash left are finished. */
@ApplicationScoped
public class StatsConsumer {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    private final DossierProjector projector;
    private final TopicsConfig topics;
    private final StatsConfig config;
    private final String bootstrapServers;
    private Producer<String, byte[]> deadLetterProducer;
    private EventConsumerLoop loop;

    StatsConsumer(DossierProjector projector, TopicsConfig topics, StatsConfig config,
                  @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.projector = projector;
        this.topics = topics;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        projector.ensureIndexes();
        int finished = projector.finishAllPending();
        if (finished > 0) {
            LOG.infof("finished %d deltas left by an earlier stop", finished);
        }
        deadLetterProducer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        loop = EventConsumerLoop.start("stats-consumer",
                KafkaClients.consumerConfig(bootstrapServers, config.consumerGroup()),
                List.of(topics.dossierEvents(), topics.deadlineAlerts()), new StatsEventHandler(projector),
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
}
