package vn.motcua.stats.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.events.kafka.ConsumerLoopGauges;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;
import vn.motcua.stats.app.BatchProjector;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.config.StatsConfig;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.UnitStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Starts the suite's consumer loop twice, once the deltas a crash left are finished: on dossier-events and
 * deadline-alerts with the service's group (the totals, a poll's worth at a time), and on the compacted catalogue
 * with a group of its own per start (the unit tree). Dead letters of both go to {@code <topic>.dlq}. Each loop has
 * its gauges ({@code motcua.consumer.lag}, {@code motcua.consumer.last.poll.age}, tag {@code loop}).
 */
@ApplicationScoped
public class StatsConsumer {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    /** The loops' tags in metrics ({@code loop=…}): stable across restarts, by the topics they read. */
    public static final String TOTALS_LOOP = "dossier-events-and-alerts";
    public static final String CATALOGUE_LOOP = "catalogue";

    private final DossierProjector projector;
    private final BatchProjector batches;
    private final UnitStore units;
    private final ProcedureStore procedures;
    private final TopicsConfig topics;
    private final StatsConfig config;
    private final String bootstrapServers;
    private final MeterRegistry meters;
    private final List<ConsumerLoopGauges> gauges = new ArrayList<>();
    private Producer<String, byte[]> deadLetterProducer;
    private EventConsumerLoop dossierLoop;
    private EventConsumerLoop catalogueLoop;
    private volatile boolean catalogueLoaded;

    StatsConsumer(DossierProjector projector, BatchProjector batches, UnitStore units, ProcedureStore procedures,
                  TopicsConfig topics,
                  StatsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                  MeterRegistry meters) {
        this.projector = projector;
        this.batches = batches;
        this.units = units;
        this.procedures = procedures;
        this.topics = topics;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        projector.prepareCollections();
        int finished = projector.finishAllPending();
        if (finished > 0) {
            LOG.infof("finished %d deltas left by an earlier stop", finished);
        }
        deadLetterProducer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, "stats-service");
        dossierLoop = EventConsumerLoop.start("stats-consumer",
                KafkaClients.consumerConfig(bootstrapServers, config.consumerGroup()),
                List.of(topics.dossierEvents(), topics.deadlineAlerts()), new StatsEventHandler(projector, batches),
                deadLetters);
        catalogueLoop = EventConsumerLoop.start("stats-catalogue",
                KafkaClients.consumerConfig(bootstrapServers, catalogueGroup()), List.of(topics.catalogue()),
                new CatalogueEventHandler(units, procedures), deadLetters);
        gauges.add(ConsumerLoopGauges.bind(meters, TOTALS_LOOP, dossierLoop));
        gauges.add(ConsumerLoopGauges.bind(meters, CATALOGUE_LOOP, catalogueLoop));
    }

    /**
     * A new group at every start has no offsets, so it reads the compacted topic from its first record: a start on
     * an empty database rebuilds the tree from the topic alone, whatever a group committed before, and each instance
     * reads every partition (the version guard makes the repeats no-ops).
     */
    private String catalogueGroup() {
        return config.consumerGroup() + "-catalogue-" + UUID.randomUUID();
    }

    /** Both loops are polling. */
    public boolean isConsuming() {
        return dossierLoop != null && dossierLoop.isRunning() && catalogueLoop != null && catalogueLoop.isRunning();
    }

    /**
     * True once the catalogue loop, owning its partitions, has read each to the end at least once since this start:
     * from then on the tree holds every unit published before the start. Stays true.
     */
    public boolean catalogueLoaded() {
        if (!catalogueLoaded && catalogueLoop != null) {
            Set<TopicPartition> owned = catalogueLoop.assignment();
            catalogueLoaded = !owned.isEmpty() && owned.stream().allMatch(catalogueLoop::isCaughtUp);
        }
        return catalogueLoaded;
    }

    /** The loop of dossier-events and deadline-alerts; null before the start. */
    EventConsumerLoop totalsLoop() {
        return dossierLoop;
    }

    /** The loop of the catalogue; null before the start. */
    EventConsumerLoop catalogueLoop() {
        return catalogueLoop;
    }

    public int dossierPartitions() {
        return dossierLoop == null ? 0 : dossierLoop.assignment().size();
    }

    public int cataloguePartitions() {
        return catalogueLoop == null ? 0 : catalogueLoop.assignment().size();
    }

    void stop(@Observes ShutdownEvent event) {
        gauges.forEach(ConsumerLoopGauges::close);
        gauges.clear();
        for (EventConsumerLoop loop : new EventConsumerLoop[]{dossierLoop, catalogueLoop}) {
            if (loop != null) {
                loop.close();
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
        }
    }
}
