package vn.motcua.deadline.messaging;

import io.smallrye.common.annotation.Identifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.app.UnitCatalogue;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;

import java.util.Map;
import java.util.UUID;

/**
 * Keeps the units table from the compacted catalogue topic, on a loop and a consumer of its own so that it never
 * holds up the dossier-events consumer or its partition gate. Its group ({@code <motcua.consumer.group>-catalogue})
 * is shared by the instances, which share the table; a new group reads from the earliest record, so a new
 * database is rebuilt from the topic alone.
 */
@Startup
@Singleton
public class CatalogueConsumer {

    private final UnitCatalogue catalogue;
    private final Map<String, Object> kafkaConfig;
    private final String group;
    private final String topic;
    private final MeterRegistry meters;

    private FeedLoop feed;

    public CatalogueConsumer(UnitCatalogue catalogue, EngineSettings settings, TopicsConfig topics,
                         @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                         MeterRegistry meters) {
        this.catalogue = catalogue;
        this.meters = meters;
        this.kafkaConfig = kafkaConfig;
        this.group = settings.consumer().catalogueGroup();
        this.topic = topics.catalogue();
    }

    @PostConstruct
    void start() {
        String name = "deadline-catalogue-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> config = KafkaClients.consumerConfig(kafkaConfig, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        feed = FeedLoop.start(name, "catalogue", kafkaConfig, config, topic, new CatalogueEventHandler(catalogue),
                meters);
    }

    EventConsumerLoop loop() {
        return feed.loop();
    }

    @PreDestroy
    void stop() {
        feed.close();
    }
}
