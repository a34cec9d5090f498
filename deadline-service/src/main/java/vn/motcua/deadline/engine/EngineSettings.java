package vn.motcua.deadline.engine;

import vn.motcua.deadline.alert.DueSoonPolicy;

/**
 * What one alert engine needs to know.
 *
 * @param consumerGroup group of the dossier-events consumers; every instance of the service uses the same one
 */
public record EngineSettings(String bootstrapServers, String dossierEventsTopic, String alertsTopic,
                             String consumerGroup, String instanceName, DueSoonPolicy dueSoon, int batchSize) {
}
