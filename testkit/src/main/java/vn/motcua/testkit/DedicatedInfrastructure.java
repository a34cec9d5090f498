package vn.motcua.testkit;

import vn.motcua.infra.MongoService;
import vn.motcua.infra.PostgresService;
import vn.motcua.infra.KafkaService;
import vn.motcua.infra.SuiteTopics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Servers that belong to one test alone, so that it may stop them (readiness DOWN, broker outages) without
 * disturbing the shared ones. Never taken from the environment: the testkit only stops what it started.
 */
public final class DedicatedInfrastructure implements AutoCloseable {

    private KafkaService kafka;
    private PostgresService postgres;
    private MongoService mongo;

    static DedicatedInfrastructure start(Set<String> needs) {
        DedicatedInfrastructure infra = new DedicatedInfrastructure();
        if (needs.contains("kafka")) {
            infra.kafka = Backends.ownKafka();
            infra.kafka.createTopics(List.of("dossier-events", "deadline-alerts", "dossier-events.dlq",
                    "deadline-alerts.dlq", "catalogue.dlq"), TestBed.PARTITIONS);
            infra.kafka.createCompactedTopic("catalogue", TestBed.PARTITIONS);
            infra.kafka.grantSuiteAcls(SuiteTopics.STANDARD);
        }
        if (needs.contains("postgres")) {
            infra.postgres = Backends.ownPostgres();
        }
        if (needs.contains("mongo")) {
            infra.mongo = Backends.ownMongo();
        }
        return infra;
    }

    Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        if (kafka != null) {
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put(InfrastructureResource.DOSSIER_EVENTS_PROPERTY, "dossier-events");
            config.put(InfrastructureResource.DEADLINE_ALERTS_PROPERTY, "deadline-alerts");
            config.put(InfrastructureResource.CATALOGUE_PROPERTY, "catalogue");
        }
        if (postgres != null) {
            config.putAll(InfrastructureResource.postgresConfig(postgres, postgres.jdbcUrl("postgres")));
        }
        if (mongo != null) {
            config.put("quarkus.mongodb.connection-string", mongo.connectionString());
            config.put("quarkus.mongodb.database", "motcua");
        }
        return config;
    }

    public KafkaService kafka() {
        return kafka;
    }

    public PostgresService postgres() {
        return postgres;
    }

    public MongoService mongo() {
        return mongo;
    }

    @Override
    public void close() {
        for (AutoCloseable service : new AutoCloseable[]{kafka, postgres, mongo}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception ignored) {
                // already stopped by the test
            }
        }
    }
}
