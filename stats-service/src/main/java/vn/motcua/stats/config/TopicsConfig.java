package vn.motcua.stats.config;

import io.smallrye.config.ConfigMapping;

/** {@code motcua.topics.*}: the topics the service reads; dead letters go to {@code <topic>.dlq}. */
@ConfigMapping(prefix = "motcua.topics")
public interface TopicsConfig {

    String dossierEvents();

    String deadlineAlerts();
}
