package vn.motcua.stats.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.Generations;
import vn.motcua.stats.config.StatsConfig;
import vn.motcua.stats.domain.GenerationState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the suite's consumer loop for the generation served (docs/architecture.md, "Rebuild from the topic"): on
 * dossier-events and deadline-alerts with its group (the totals, a poll's worth at a time), and on the compacted
 * catalogue with a group of its own per start (the unit tree); dead letters go to {@code <topic>.dlq}. While the
 * control document names a generation being built, the same two loops run for it beside them, into its database
 * with its group, from the topics' start. Each loop has its gauges ({@code motcua.consumer.lag},
 * {@code motcua.consumer.last.poll.age}, tag {@code loop}, {@code …-building} for the build).
 *
 * <p>{@link #follow()} reads the control document on a timer: it starts the build's loops when one begins, flips
 * the document once the build's whole group has read every partition to its end, and, when the document was
 * flipped (here or on another instance), serves the new generation and stops the old one's loops.
 */
@ApplicationScoped
public class StatsConsumer {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    /** The loops' tags in metrics ({@code loop=…}): stable across restarts, by the topics they read. */
    public static final String TOTALS_LOOP = "dossier-events-and-alerts";
    public static final String CATALOGUE_LOOP = "catalogue";
    /** Appended to both tags for the loops of a generation being built. */
    public static final String BUILDING = "-building";

    private final Generations generations;
    private final TopicsConfig topics;
    private final String consumerGroup;
    private final String bootstrapServers;
    private final MeterRegistry meters;
    private final Map<String, Object> consumerOverrides;
    private Producer<String, byte[]> deadLetterProducer;
    private DeadLetters deadLetters;
    private final Object progressLock = new Object();
    private GroupProgress progress;
    private volatile GenerationLoops serving;
    private volatile GenerationLoops building;
    private volatile long lastFollowNanos = System.nanoTime();

    @Inject
    StatsConsumer(Generations generations, TopicsConfig topics, StatsConfig config,
                  @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry meters) {
        this(generations, topics, config.consumerGroup(), bootstrapServers, meters, Map.of());
    }

    /** {@code consumerOverrides}: consumer settings over the suite's for the loops of dossier-events and alerts. */
    public StatsConsumer(Generations generations, TopicsConfig topics, String consumerGroup, String bootstrapServers,
                         MeterRegistry meters, Map<String, Object> consumerOverrides) {
        this.generations = generations;
        this.topics = topics;
        this.consumerGroup = consumerGroup;
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
        this.consumerOverrides = Map.copyOf(consumerOverrides);
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    /** Consumes for the served generation and, if one is named, the one being built. */
    public synchronized void start() {
        GenerationState state = generations.state();
        deadLetterProducer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        deadLetters = new DeadLetters(deadLetterProducer, "stats-service");
        serving = loops(state.serving());
        generations.serve(state.serving());
        serving.bindGauges(meters, TOTALS_LOOP, CATALOGUE_LOOP);
        if (state.isBuilding()) {
            startBuilding(state.building());
        }
        lastFollowNanos = System.nanoTime();
    }

    /**
     * Every {@code motcua.stats.generation-check-every}; a failed run (database or broker away) is the next one's
     * work. Each run, failed or not, counts as a sign of life ({@link #millisSinceFollow()}), as does a call of
     * {@link #follow()} by the admin route.
     */
    @Scheduled(every = "${motcua.stats.generation-check-every}", delayed = "${motcua.stats.generation-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFollow() {
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.warn("following the generations failed; it runs again on schedule: " + e);
        } finally {
            lastFollowNanos = System.nanoTime();
        }
    }

    /**
     * One look at the control document, and what it asks of this instance (see the class comment). Returns true
     * when this call flipped it.
     */
    public synchronized boolean follow() {
        lastFollowNanos = System.nanoTime();
        if (serving == null) {
            return false; // not started, or stopped
        }
        GenerationState state = generations.state();
        if (state.serving() != serving.number()) {
            serveFrom(state.serving());
        }
        if (!state.isBuilding()) {
            stopBuilding();
            return false;
        }
        if (building == null || building.number() != state.building()) {
            stopBuilding();
            startBuilding(state.building());
        }
        // This instance's catalogue loop has filled the new database's units and procedures; the whole group, on
        // whichever instances, has read every partition of both topics to its end.
        if (building.isRunning() && building.catalogueLoaded()
                && GroupProgress.caughtUp(progress().of(building.group(), totalsTopics()))
                && generations.flip(state)) {
            serveFrom(state.building());
            return true;
        }
        return false;
    }

    /** Reports from generation {@code n} now; its loops (the build's, or new ones) take the serving tags. */
    private void serveFrom(long n) {
        GenerationLoops old = serving;
        GenerationLoops next;
        if (building != null && building.number() == n) {
            next = building;
            building = null;
        } else {
            stopBuilding();
            next = loops(n);
        }
        generations.serve(n);
        serving = next;
        // The old loops' gauges go before the new ones take the same tags: removing a meter removes it by its id.
        old.close();
        next.bindGauges(meters, TOTALS_LOOP, CATALOGUE_LOOP);
        LOG.infof("generation %d served; the loops of generation %d stopped (its database is left as it is)", n,
                old.number());
    }

    private void startBuilding(long n) {
        building = loops(n);
        building.bindGauges(meters, TOTALS_LOOP + BUILDING, CATALOGUE_LOOP + BUILDING);
        LOG.infof("building generation %d from the topics with group %s", n, building.group());
    }

    private void stopBuilding() {
        if (building != null) {
            building.close();
            building = null;
        }
    }

    private GenerationLoops loops(long n) {
        return GenerationLoops.start(generations.graph(n), consumerGroup, bootstrapServers, topics, deadLetters,
                consumerOverrides);
    }

    private List<String> totalsTopics() {
        return List.of(topics.dossierEvents(), topics.deadlineAlerts());
    }

    /** The broker's admin client, made on first use; its own lock, so that a status never waits for a flip. */
    private GroupProgress progress() {
        synchronized (progressLock) {
            if (progress == null) {
                progress = new GroupProgress(bootstrapServers);
            }
            return progress;
        }
    }

    /** The generations, and the build's whole group's progress as the broker has it. */
    public RebuildStatus status() {
        GenerationState state = generations.state();
        RebuildStatus.Building build = null;
        if (state.isBuilding()) {
            String group = GenerationLoops.group(consumerGroup, state.building());
            List<RebuildStatus.Partition> partitions = List.of();
            String error = null;
            try {
                partitions = progress().of(group, totalsTopics());
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            build = new RebuildStatus.Building(state.building(), group, state.buildingSince(),
                    partitions.stream().mapToLong(RebuildStatus.Partition::lag).sum(),
                    partitions.stream().mapToLong(RebuildStatus.Partition::committed).sum(),
                    GroupProgress.caughtUp(partitions), partitions, error);
        }
        return new RebuildStatus(state.serving(), GenerationLoops.group(consumerGroup, state.serving()),
                state.servingSince(), build);
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
    EventConsumerLoop totalsLoop() {
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

    /** Milliseconds since {@link #follow()} last ran (since the start before its first run). */
    long millisSinceFollow() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFollowNanos);
    }

    public int dossierPartitions() {
        EventConsumerLoop loop = totalsLoop();
        return loop == null ? 0 : loop.assignment().size();
    }

    public int cataloguePartitions() {
        EventConsumerLoop loop = catalogueLoop();
        return loop == null ? 0 : loop.assignment().size();
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops every loop; what was processed is committed. */
    public synchronized void stop() {
        stopBuilding();
        if (serving != null) {
            serving.close();
            serving = null;
        }
        synchronized (progressLock) {
            if (progress != null) {
                progress.close();
                progress = null;
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
        }
    }
}
