package vn.motcua.testkit;

import vn.motcua.infra.PostgresService;
import vn.motcua.infra.SuiteTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * For {@code @QuarkusTest}: hands the application under test the shared infrastructure, with fresh topics and
 * databases for each application start. Init arg {@code needs} lists what the service uses
 * ({@code kafka,postgres,mongo}, the default being all three).
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String DOSSIER_EVENTS_PROPERTY = "motcua.topics.dossier-events";
    public static final String DEADLINE_ALERTS_PROPERTY = "motcua.topics.deadline-alerts";
    public static final String CATALOGUE_PROPERTY = "motcua.topics.catalogue";
    static final Set<String> ALL = Set.of("kafka", "postgres", "mongo");

    private Set<String> needs = ALL;

    @Override
    public void init(Map<String, String> initArgs) {
        needs = needs(initArgs);
    }

    static Set<String> needs(Map<String, String> initArgs) {
        String value = initArgs.get("needs");
        return value == null ? ALL : Set.of(value.split("\\s*,\\s*"));
    }

    @Override
    public Map<String, String> start() {
        return configFor(TestBed.create(), needs);
    }

    static Map<String, String> configFor(TestBed bed, Set<String> needs) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        if (needs.contains("kafka")) {
            // The service logs in as its own principal (its application.properties), with the suite's rights on
            // these fresh topics.
            config.put("kafka.bootstrap.servers", bed.kafka().bootstrapServers());
            SuiteTopics topics = new SuiteTopics(bed.topic("dossier-events"), bed.topic("deadline-alerts"),
                    bed.compactedTopic("catalogue"));
            bed.kafka().grantSuiteAcls(topics);
            config.put(DOSSIER_EVENTS_PROPERTY, topics.dossierEvents());
            config.put(DEADLINE_ALERTS_PROPERTY, topics.deadlineAlerts());
            config.put(CATALOGUE_PROPERTY, topics.catalogue());
        }
        if (needs.contains("postgres")) {
            config.putAll(postgresConfig(bed.postgres(), bed.jdbcUrl()));
        }
        if (needs.contains("mongo")) {
            config.put("quarkus.mongodb.connection-string", bed.mongo().connectionString());
            config.put("quarkus.mongodb.database", bed.mongoDatabase());
        }
        return config;
    }

    static Map<String, String> postgresConfig(PostgresService postgres, String jdbcUrl) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop when it exits.
    }

}
