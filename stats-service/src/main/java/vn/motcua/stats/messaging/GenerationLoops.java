package vn.motcua.stats.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.GenerationFeeds;
import vn.motcua.stats.app.GenerationGraph;
import vn.motcua.stats.domain.GenerationState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation's two consumer loops on this instance: dossier-events and deadline-alerts with the generation's
 * group into its projection, and its {@link CatalogueConsumer}; with their gauges while they serve or build.
 */
final class GenerationLoops implements GenerationFeeds.Feed {

    private final EventConsumerLoop totals;
    private final CatalogueConsumer catalogue;
    private final List<ConsumerLoopGauges> gauges = new ArrayList<>();

    private GenerationLoops(EventConsumerLoop totals, CatalogueConsumer catalogue) {
        this.totals = totals;
        this.catalogue = catalogue;
    }

    static GenerationLoops start(GenerationGraph graph, String group, String catalogueGroup, Map<String, Object> kafkaConfig,
                                 TopicsConfig topics, DeadLetters deadLetters, Map<String, Object> consumerOverrides) {
        String suffix = GenerationState.suffix(graph.number());
        Map<String, Object> totalsConfig = new HashMap<>(KafkaClients.consumerConfig(kafkaConfig, group));
        totalsConfig.putAll(consumerOverrides);
        EventConsumerLoop totals = EventConsumerLoop.start("stats-consumer" + suffix, totalsConfig,
                List.of(topics.dossierEvents(), topics.deadlineAlerts()),
                new StatsEventHandler(graph.projector(), graph.batches()), deadLetters);
        CatalogueConsumer catalogue = CatalogueConsumer.start("stats-catalogue" + suffix, kafkaConfig,
                catalogueGroup, topics.catalogue(), graph.catalogue(), deadLetters);
        return new GenerationLoops(totals, catalogue);
    }

    EventConsumerLoop totals() {
        return totals;
    }

    EventConsumerLoop catalogue() {
        return catalogue.loop();
    }

    @Override
    public boolean isRunning() {
        return totals.isRunning() && catalogue.isRunning();
    }

    @Override
    public boolean catalogueLoaded() {
        return catalogue.loaded();
    }

    /** (Re)binds both loops' gauges under these {@code loop} tags, dropping the ones bound before. */
    void bindGauges(MeterRegistry meters, String totalsTag, String catalogueTag) {
        unbindGauges();
        gauges.add(ConsumerLoopGauges.bind(meters, totalsTag, totals));
        gauges.add(ConsumerLoopGauges.bind(meters, catalogueTag, catalogue.loop()));
    }

    void unbindGauges() {
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
