package vn.motcua.stats.app;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.stats.config.StatsConfig;
import vn.motcua.stats.domain.GenerationState;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Which generations this instance consumes for, and when a rebuild from the topics is served (docs/architecture.md,
 * "Rebuild from the topic"): the served generation's loops always, and while the control document names a
 * generation being built, its loops beside them, into its database with its own group, from the topics' start.
 * Here rather than at the Kafka edge because these are the rebuild's rules, held together under one lock; the loops
 * themselves are the {@link GenerationFeeds} port's.
 *
 * <p>{@link #follow()} reads the control document on a timer: it starts the build's loops when one begins, flips
 * the document once this instance's catalogue loop of the build has loaded and the build's whole group has read
 * every partition to its end, and, when the document was flipped (here or on another instance), serves the new
 * generation and stops the old one's loops.
 */
@ApplicationScoped
public class GenerationFollower {

    private static final Logger LOG = Logger.getLogger(GenerationFollower.class);

    private final Generations generations;
    private final GenerationFeeds feeds;
    private final String consumerGroup;
    private volatile Running serving;
    private volatile Running building;
    private volatile long lastFollowNanos = System.nanoTime();

    @Inject
    GenerationFollower(Generations generations, GenerationFeeds feeds, StatsConfig config) {
        this(generations, feeds, config.consumerGroup());
    }

    /** {@code consumerGroup}: generation 0's group of dossier-events and deadline-alerts, the others' prefix. */
    public GenerationFollower(Generations generations, GenerationFeeds feeds, String consumerGroup) {
        this.generations = generations;
        this.feeds = feeds;
        this.consumerGroup = consumerGroup;
    }

    /** One generation's feed, with the group it reads dossier-events and deadline-alerts with. */
    private record Running(long number, String group, GenerationFeeds.Feed feed) {
    }

    /** The group of generation {@code n}: the configured one for 0, {@code <group>-g<n>} after. */
    static String group(String baseGroup, long n) {
        return baseGroup + GenerationState.suffix(n);
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    /** Consumes for the served generation and, if one is named, the one being built. */
    public synchronized void start() {
        GenerationState state = generations.state();
        serving = feed(state.serving());
        generations.serve(state.serving());
        feeds.assign(serving.feed(), null);
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
        if (building.feed().isRunning() && building.feed().catalogueLoaded()
                && RebuildStatus.caughtUp(feeds.progress(building.group()))
                && generations.flip(state)) {
            serveFrom(state.building());
            return true;
        }
        return false;
    }

    /** Reports from generation {@code n} now; its feed (the build's, or a new one) takes the serving role. */
    private void serveFrom(long n) {
        Running old = serving;
        Running next;
        if (building != null && building.number() == n) {
            next = building;
            building = null;
        } else {
            stopBuilding();
            next = feed(n);
        }
        generations.serve(n);
        serving = next;
        feeds.assign(next.feed(), null);
        old.feed().close();
        LOG.infof("generation %d served; the loops of generation %d stopped (its database is left as it is)", n,
                old.number());
    }

    private void startBuilding(long n) {
        building = feed(n);
        feeds.assign(serving.feed(), building.feed());
        LOG.infof("building generation %d from the topics with group %s", n, building.group());
    }

    private void stopBuilding() {
        if (building != null) {
            feeds.assign(serving == null ? null : serving.feed(), null);
            building.feed().close();
            building = null;
        }
    }

    /**
     * Finishes what a crash left pending in the generation's database, then starts its loops. The catalogue is read
     * by a new group at every start: no offsets, so from the compacted topic's first record, every partition on
     * every instance (the version guard makes repeats no-ops).
     */
    private Running feed(long n) {
        GenerationGraph graph = generations.graph(n);
        int finished = graph.projector().finishAllPending();
        if (finished > 0) {
            LOG.infof("finished %d deltas left in generation %d by an earlier stop", finished, n);
        }
        String group = group(consumerGroup, n);
        return new Running(n, group,
                feeds.start(graph, group, consumerGroup + "-catalogue-" + UUID.randomUUID()));
    }

    /** The generations, and the build's whole group's progress as the broker has it. */
    public RebuildStatus status() {
        GenerationState state = generations.state();
        RebuildStatus.Building build = null;
        if (state.isBuilding()) {
            String group = group(consumerGroup, state.building());
            List<RebuildStatus.Partition> partitions = List.of();
            String error = null;
            try {
                partitions = feeds.progress(group);
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            build = new RebuildStatus.Building(state.building(), group, state.buildingSince(),
                    partitions.stream().mapToLong(RebuildStatus.Partition::lag).sum(),
                    partitions.stream().mapToLong(RebuildStatus.Partition::committed).sum(),
                    RebuildStatus.caughtUp(partitions), partitions, error);
        }
        return new RebuildStatus(state.serving(), group(consumerGroup, state.serving()), state.servingSince(), build);
    }

    /** The served generation's feed; null before the start. */
    GenerationFeeds.Feed serving() {
        Running current = serving;
        return current == null ? null : current.feed();
    }

    /** The build's feed; null while nothing is being built. */
    GenerationFeeds.Feed building() {
        Running current = building;
        return current == null ? null : current.feed();
    }

    /** Milliseconds since {@link #follow()} last ran (since the start before its first run). */
    public long millisSinceFollow() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFollowNanos);
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops every loop (what was processed is committed), then what the feeds share. */
    public synchronized void stop() {
        Running built = building;
        Running served = serving;
        building = null;
        serving = null;
        feeds.assign(null, null);
        if (built != null) {
            built.feed().close();
        }
        if (served != null) {
            served.feed().close();
        }
        feeds.close();
    }
}
