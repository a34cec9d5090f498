package vn.motcua.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code motcua.topics.*}: the suite's topic names, one mapping for every service (the names are configuration so
 * that tests sharing a broker each get their own). Dead letters go to {@code <topic>.dlq}.
 */
@ConfigMapping(prefix = "motcua.topics")
public interface TopicsConfig {

    @WithDefault("dossier-events")
    String dossierEvents();

    @WithDefault("deadline-alerts")
    String deadlineAlerts();

    /** Compacted: the last state of every unit, procedure and calendar year. */
    @WithDefault("catalogue")
    String catalogue();
}
