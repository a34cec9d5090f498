package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The suite's topic names: configuration, so that each test gets fresh topics on a shared broker. */
@ConfigMapping(prefix = "motcua.topics")
public interface TopicsConfig {

    /** Where the relay publishes every dossier event. */
    String dossierEvents();

    /** Not read by intake; mapped because a mapping must know every key under its prefix, and tests set it. */
    Optional<String> deadlineAlerts();
}
