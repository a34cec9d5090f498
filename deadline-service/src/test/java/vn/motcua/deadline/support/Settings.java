package vn.motcua.deadline.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import vn.motcua.deadline.config.EngineSettings;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine's settings outside Quarkus, read by SmallRye Config from the same keys as application.properties,
 * with the mapping's own defaults and Quarkus' duration format ({@code 1s}, {@code PT30M}).
 */
public final class Settings {

    private Settings() {
    }

    /** Settings for these topics and consumer group; {@code more} adds or overrides {@code motcua.*} keys. */
    public static EngineSettings engine(String dossierEvents, String deadlineAlerts, String group, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "motcua.topics.dossier-events", dossierEvents,
                "motcua.topics.deadline-alerts", deadlineAlerts,
                "motcua.consumer.group", group));
        properties.putAll(more);
        return new SmallRyeConfigBuilder()
                .withMapping(EngineSettings.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test settings", 100))
                .build()
                .getConfigMapping(EngineSettings.class);
    }
}
