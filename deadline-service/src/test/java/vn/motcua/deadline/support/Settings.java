package vn.motcua.deadline.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.producer.Producer;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.deadline.app.DeadlineEngine;
import vn.motcua.deadline.messaging.AlertPublisher;
import vn.motcua.deadline.messaging.DossierEventsConsumer;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.kafka.EventConsumerLoop;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The engine's settings outside Quarkus, read by SmallRye Config from the same keys as application.properties,
 * with the mappings' own defaults and Quarkus' duration format ({@code 1s}, {@code PT30M}).
 */
public record Settings(EngineSettings engine, TopicsConfig topics) {

    /** Settings for these topics and consumer group; {@code more} adds or overrides {@code motcua.*} keys. */
    public static Settings of(String dossierEvents, String deadlineAlerts, String group, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "motcua.topics.dossier-events", dossierEvents,
                "motcua.topics.deadline-alerts", deadlineAlerts,
                "motcua.consumer.group", group));
        properties.putAll(more);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(EngineSettings.class)
                .withMapping(TopicsConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test settings", 100))
                .build();
        return new Settings(config.getConfigMapping(EngineSettings.class), config.getConfigMapping(TopicsConfig.class));
    }

    /** One engine with these settings, as the application starts it but without Quarkus. */
    public DeadlineEngine startEngine(Map<String, Object> kafkaAdmin, String instanceName, DeadlineStore store, Clock clock) {
        return startEngine(kafkaAdmin, instanceName, store, clock, null);
    }

    /** @param publishers makes the alert publisher from the producer and the topic; null for the real one */
    public DeadlineEngine startEngine(Map<String, Object> kafkaAdmin, String instanceName, DeadlineStore store, Clock clock,
                                      BiFunction<Producer<String, byte[]>, String, AlertPublisher> publishers) {
        DossierEventsConsumer kafka = new DossierEventsConsumer(engine, topics, kafkaAdmin,
                new SimpleMeterRegistry(), publishers);
        return DeadlineEngine.start(engine, kafka, instanceName, store, clock);
    }

    /** The dossier-events consumer loop of an engine started here. */
    public static EventConsumerLoop loop(DeadlineEngine engine) {
        return ((DossierEventsConsumer.Connection) engine.feed()).loop();
    }
}
