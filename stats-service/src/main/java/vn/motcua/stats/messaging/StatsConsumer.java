package vn.motcua.stats.messaging;

import io.smallrye.common.annotation.Identifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.GenerationFeeds;
import vn.motcua.stats.app.GenerationGraph;
import vn.motcua.stats.app.RebuildStatus;

import java.util.List;
import java.util.Map;

/**
 * The Kafka side of the generations (app.GenerationFollower decides which run and when one is served): the suite's
 * consumer loop on dossier-events and deadline-alerts (the totals, a poll's worth at a time) and on the compacted
 * catalogue (the unit tree), per generation; dead letters to {@code <topic>.dlq}; a group's progress from the
 * broker. Each loop has its gauges ({@code motcua.consumer.lag}, {@code motcua.consumer.last.poll.age}, tag
 * {@code loop}, {@code …-building} for a build's), and the health checks read the loops serving and building here.
 */
@ApplicationScoped
public class StatsConsumer implements GenerationFeeds {

    /** The loops' tags in metrics ({@code loop=…}): stable across restarts, by the topics they read. */
    public static final String TOTALS_LOOP = "dossier-events-and-alerts";
    public static final String CATALOGUE_LOOP = "catalogue";
    /** Appended to both tags for the loops of a generation being built. */
    public static final String BUILDING = "-building";

    private final TopicsConfig topics;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final Map<String, Object> consumerOverrides;
    private Producer<String, byte[]> deadLetterProducer;
    private DeadLetters deadLetters;
    private final Object progressLock = new Object();
    private GroupProgress progress;
    private volatile GenerationLoops serving;
    private volatile GenerationLoops building;

    @Inject
    StatsConsumer(TopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                  MeterRegistry meters) {
        this(topics, kafkaConfig, meters, Map.of());
    }

    /** {@code consumerOverrides}: consumer settings over the suite's for the loops of dossier-events and alerts. */
    public StatsConsumer(TopicsConfig topics, Map<String, Object> kafkaConfig, MeterRegistry meters,
                         Map<String, Object> consumerOverrides) {
        this.topics = topics;
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
        this.consumerOverrides = Map.copyOf(consumerOverrides);
    }

    @Override
    public synchronized Feed start(GenerationGraph graph, String group, String catalogueGroup) {
        if (deadLetters == null) {
            deadLetterProducer = new KafkaProducer<>(KafkaClients.producerConfig(kafkaConfig));
            deadLetters = new DeadLetters(deadLetterProducer, "stats-service");
        }
        return GenerationLoops.start(graph, group, catalogueGroup, kafkaConfig, topics, deadLetters,
                consumerOverrides);
    }

    @Override
    public synchronized void assign(Feed serving, Feed building) {
        GenerationLoops nextServing = (GenerationLoops) serving;
        GenerationLoops nextBuilding = (GenerationLoops) building;
        // A meter is removed by its id: the tags a feed gives up go before another feed takes them.
        if (this.serving != nextServing && this.serving != null) {
            this.serving.unbindGauges();
        }
        if (this.building != nextBuilding && this.building != null) {
            this.building.unbindGauges();
        }
        if (this.serving != nextServing && nextServing != null) {
            nextServing.bindGauges(meters, TOTALS_LOOP, CATALOGUE_LOOP);
        }
        if (this.building != nextBuilding && nextBuilding != null) {
            nextBuilding.bindGauges(meters, TOTALS_LOOP + BUILDING, CATALOGUE_LOOP + BUILDING);
        }
        this.serving = nextServing;
        this.building = nextBuilding;
    }

    @Override
    public List<RebuildStatus.Partition> progress(String group) {
        return groupProgress().of(group, List.of(topics.dossierEvents(), topics.deadlineAlerts()));
    }

    /** The broker's admin client, made on first use; its own lock, so that a status never waits for a flip. */
    private GroupProgress groupProgress() {
        synchronized (progressLock) {
            if (progress == null) {
                progress = new GroupProgress(kafkaConfig);
            }
            return progress;
        }
    }

    /** The served generation's loops are polling. */
    public boolean isConsuming() {
        GenerationLoops current = serving;
        return current != null && current.isRunning();
    }

    /**
     * True once the served generation's catalogue loop has read each of its partitions to the end at least once:
     * from then on its tree holds every unit published before the start. Stays true.
     */
    public boolean catalogueLoaded() {
        GenerationLoops current = serving;
        return current != null && current.catalogueLoaded();
    }

    /** The served generation's loop of dossier-events and deadline-alerts; null before the start. */
    public EventConsumerLoop totalsLoop() {
        GenerationLoops current = serving;
        return current == null ? null : current.totals();
    }

    /** The served generation's loop of the catalogue; null before the start. */
    EventConsumerLoop catalogueLoop() {
        GenerationLoops current = serving;
        return current == null ? null : current.catalogue();
    }

    /** The build's loop of dossier-events and deadline-alerts; null while nothing is being built. */
    EventConsumerLoop buildingTotalsLoop() {
        GenerationLoops current = building;
        return current == null ? null : current.totals();
    }

    /** The build's loop of the catalogue; null while nothing is being built. */
    EventConsumerLoop buildingCatalogueLoop() {
        GenerationLoops current = building;
        return current == null ? null : current.catalogue();
    }

    public int dossierPartitions() {
        EventConsumerLoop loop = totalsLoop();
        return loop == null ? 0 : loop.assignment().size();
    }

    public int cataloguePartitions() {
        EventConsumerLoop loop = catalogueLoop();
        return loop == null ? 0 : loop.assignment().size();
    }

    @Override
    public synchronized void close() {
        synchronized (progressLock) {
            if (progress != null) {
                progress.close();
                progress = null;
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
            deadLetterProducer = null;
            deadLetters = null;
        }
    }
}
