package vn.motcua.stats.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.GenerationGraph;
import vn.motcua.stats.domain.GenerationState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One generation's two consumer loops on this instance: dossier-events and deadline-alerts with the generation's
 * group into its database, and the compacted catalogue with a new group of its own (its units and procedures).
 */
final class GenerationLoops implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GenerationLoops.class);

    private final long number;
    private final String group;
    private final EventConsumerLoop totals;
    private final EventConsumerLoop catalogue;
    private final List<ConsumerLoopGauges> gauges = new ArrayList<>();
    private volatile boolean catalogueLoaded;

    private GenerationLoops(long number, String group, EventConsumerLoop totals, EventConsumerLoop catalogue) {
        this.number = number;
        this.group = group;
        this.totals = totals;
        this.catalogue = catalogue;
    }

    /** The group of generation {@code n}: the configured one for 0, {@code <group>-g<n>} after. */
    static String group(String baseGroup, long n) {
        return baseGroup + GenerationState.suffix(n);
    }

    /**
     * Finishes what a crash left pending in the generation's database, then starts both loops. A group with offsets
     * goes on from them (a restart during a rebuild resumes it); a new one reads from the topics' start.
     */
    static GenerationLoops start(GenerationGraph graph, String baseGroup, String bootstrapServers, TopicsConfig topics,
                                 DeadLetters deadLetters, Map<String, Object> consumerOverrides) {
        int finished = graph.projector().finishAllPending();
        if (finished > 0) {
            LOG.infof("finished %d deltas left in generation %d by an earlier stop", finished, graph.number());
        }
        String group = group(baseGroup, graph.number());
        String suffix = GenerationState.suffix(graph.number());
        Map<String, Object> totalsConfig = new HashMap<>(KafkaClients.consumerConfig(bootstrapServers, group));
        totalsConfig.putAll(consumerOverrides);
        EventConsumerLoop totals = EventConsumerLoop.start("stats-consumer" + suffix, totalsConfig,
                List.of(topics.dossierEvents(), topics.deadlineAlerts()),
                new StatsEventHandler(graph.projector(), graph.batches()), deadLetters);
        // A new group at every start has no offsets, so it reads the compacted topic from its first record: each
        // instance reads every partition into the generation's database (the version guard makes repeats no-ops).
        EventConsumerLoop catalogue = EventConsumerLoop.start("stats-catalogue" + suffix,
                KafkaClients.consumerConfig(bootstrapServers, baseGroup + "-catalogue-" + UUID.randomUUID()),
                List.of(topics.catalogue()), new CatalogueEventHandler(graph.units(), graph.procedures()),
                deadLetters);
        return new GenerationLoops(graph.number(), group, totals, catalogue);
    }

    long number() {
        return number;
    }

    String group() {
        return group;
    }

    EventConsumerLoop totals() {
        return totals;
    }

    EventConsumerLoop catalogue() {
        return catalogue;
    }

    boolean isRunning() {
        return totals.isRunning() && catalogue.isRunning();
    }

    /**
     * True once the catalogue loop, owning its partitions, has read each to the end at least once since it started:
     * from then on the database holds every unit published before. Stays true.
     */
    boolean catalogueLoaded() {
        if (!catalogueLoaded) {
            Set<TopicPartition> owned = catalogue.assignment();
            catalogueLoaded = !owned.isEmpty() && owned.stream().allMatch(catalogue::isCaughtUp);
        }
        return catalogueLoaded;
    }

    /** (Re)binds both loops' gauges under these {@code loop} tags, dropping the ones bound before. */
    void bindGauges(MeterRegistry meters, String totalsTag, String catalogueTag) {
        unbindGauges();
        gauges.add(ConsumerLoopGauges.bind(meters, totalsTag, totals));
        gauges.add(ConsumerLoopGauges.bind(meters, catalogueTag, catalogue));
    }

    private void unbindGauges() {
        gauges.forEach(ConsumerLoopGauges::close);
        gauges.clear();
    }

    @Override
    public void close() {
        unbindGauges();
        totals.close();
        catalogue.close();
    }
}
