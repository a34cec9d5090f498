package vn.motcua.e2e;

import vn.motcua.testkit.Infrastructure;
import vn.motcua.devstack.demo.SaDecDemo;
import vn.motcua.devstack.demo.Tokens;
import vn.motcua.infra.KafkaService;
import vn.motcua.infra.KeycloakService;
import vn.motcua.infra.MongoService;
import vn.motcua.infra.PostgresService;
import vn.motcua.infra.SuiteTopics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The three packaged services on the testkit's Kafka, PostgreSQL, MongoDB and Keycloak (realm motcua), each with
 * databases and topics of its own for this run, started in parallel and stopped in reverse; {@link #tokens} logs
 * in as the realm's kiosks and users. One suite serves every test class of the
 * run (starting it takes most of the e2e time); it stops when the test JVM exits. stats-service's dashboard knows
 * deadline-service's address, and deadline-service lets the dashboard's origin in (CORS, and back after its login),
 * as in devstack.
 */
final class Suite implements AutoCloseable {

    /** The clients (azp) whose tokens the services take in the tests: the demo realm's, as ./devstack --demo. */
    static final String DEMO_CLIENTS = "kiosk-*,motcua-staff,motcua-dashboard,motcua-cli";

    private static Suite shared;
    private static final Object DEMO = new Object();
    private static Map<String, Integer> demoResults;
    private static Exception demoFailure;

    static synchronized Suite shared() throws Exception {
        if (shared == null) {
            Suite suite = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    suite.close();
                } catch (Exception e) {
                    System.err.println("e2e: the services did not stop cleanly: " + e);
                }
            }, "e2e-suite-stop"));
            shared = suite;
        }
        return shared;
    }

    /**
     * The demo year 2022 replayed through intake on the shared suite, once for the whole run whichever test class
     * asks first (the classes run in parallel, and a second replay would double the figures); the replay's results
     * by timeliness, the same map to every caller. A replay that failed fails every caller the same way.
     */
    static Map<String, Integer> demoReplayed() throws Exception {
        Suite suite = shared();
        synchronized (DEMO) {
            if (demoResults == null && demoFailure == null) {
                try {
                    demoResults = Map.copyOf(SaDecDemo.replay(suite.intake.url(""), suite.keycloak.issuer(), 2022));
                } catch (Exception e) {
                    demoFailure = e;
                }
            }
            if (demoFailure != null) {
                throw new IllegalStateException("the demo year was not replayed", demoFailure);
            }
            return demoResults;
        }
    }

    final KafkaService kafka = Infrastructure.kafka();
    final String dossierEvents;
    final String deadlineAlerts;
    final String catalogue;
    final ServiceProcess intake;
    final ServiceProcess deadline;
    final ServiceProcess stats;
    final KeycloakService keycloak;
    final Tokens tokens;
    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private ServiceProcess secondIntake;

    private Suite() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Keycloak takes the longest to start: it starts while the topics and databases are made.
        CompletableFuture<KeycloakService> startingKeycloak = CompletableFuture.supplyAsync(Infrastructure::keycloak);
        dossierEvents = "dossier-events-e2e-" + run;
        deadlineAlerts = "deadline-alerts-e2e-" + run;
        catalogue = "catalogue-e2e-" + run;
        kafka.createTopics(List.of(dossierEvents, dossierEvents + ".dlq", deadlineAlerts, deadlineAlerts + ".dlq",
                catalogue + ".dlq"), 3);
        kafka.createCompactedTopic(catalogue, 3);
        kafka.grantSuiteAcls(new SuiteTopics(dossierEvents, deadlineAlerts, catalogue));
        PostgresService postgres = Infrastructure.postgres();
        MongoService mongo = Infrastructure.mongo();

        Map<String, String> environment = new HashMap<>(Map.of(
                "MOTCUA_KAFKA_BOOTSTRAP", kafka.bootstrapServers(),
                "MOTCUA_INTAKE_DB_URL", postgres.createDatabase("intake_e2e_" + run),
                "MOTCUA_DEADLINE_DB_URL", postgres.createDatabase("deadline_e2e_" + run),
                "MOTCUA_DB_USER", postgres.username(),
                "MOTCUA_DB_PASSWORD", postgres.password(),
                "MOTCUA_MONGODB_URL", mongo.connectionString()));
        keycloak = startingKeycloak.join();
        tokens = Tokens.from(keycloak.issuer());
        environment.putAll(Map.of(
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(),
                "QUARKUS_OIDC_CLIENT_ID", "motcua-dashboard",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "motcua-dashboard-demo-secret-of-32-chars-or-more",
                // The tests replay 2021–2023 as kiosks and clerks, as the demo does: far beyond the 3 working days a
                // deployment lets anyone but an admin backdate (intake's AccessScopeTest checks that limit).
                "MOTCUA_INTAKE_BACKDATE_WINDOW", "5000",
                // Every e2e call comes from one address; the citizens' lookup limit is intake's own test's subject.
                "MOTCUA_INTAKE_LOOKUP_LIMIT_BURST", "1000",
                // The demo realm's password grant (motcua-cli) besides the suite's clients, as ./devstack --demo.
                "MOTCUA_TOKENS_ALLOWED_CLIENTS", DEMO_CLIENTS));
        // Ports known beforehand: the dashboard (stats-service) reads alerts from deadline-service, which accepts its
        // origin (CORS with credentials, and login's returnTo); localhost:8083 stays, as AccessMatrixIT uses it.
        int deadlinePort = ServiceProcess.freePort();
        int statsPort = ServiceProcess.freePort();
        environment.put("MOTCUA_DASHBOARD_ORIGINS", "http://localhost:8083,http://localhost:" + statsPort);
        this.environment = Map.copyOf(environment);
        properties = Map.of(
                "motcua.topics.dossier-events", dossierEvents,
                "motcua.topics.deadline-alerts", deadlineAlerts,
                "motcua.topics.catalogue", catalogue,
                "quarkus.mongodb.database", "stats_e2e_" + run);
        intake = ServiceProcess.start("intake-service", environment, properties);
        // SupervisorStreamIT's stream whose token expires after 2 s: only deadline-service takes that test client.
        Map<String, String> deadlineProperties = new HashMap<>(properties);
        deadlineProperties.put("motcua.tokens.allowed-clients", DEMO_CLIENTS + ",motcua-test-short-lived");
        deadline = startOrStop("deadline-service", environment, deadlineProperties, deadlinePort, intake);
        Map<String, String> statsProperties = new HashMap<>(properties);
        statsProperties.put("motcua.dashboard.alerts-base-url", "http://localhost:" + deadlinePort);
        stats = startOrStop("stats-service", environment, statsProperties, statsPort, intake, deadline);
        try {
            for (ServiceProcess service : List.of(intake, deadline, stats)) {
                service.awaitReady();
            }
        } catch (RuntimeException notReady) {
            close();
            throw notReady;
        }
    }

    /** A second intake-service instance on the same database and topics, started on first use. */
    synchronized ServiceProcess secondIntake() throws Exception {
        if (secondIntake == null) {
            secondIntake = ServiceProcess.start("intake-service", environment, properties, "intake-service-2");
            secondIntake.awaitReady();
        }
        return secondIntake;
    }

    private static ServiceProcess startOrStop(String module, Map<String, String> environment,
                                              Map<String, String> properties, int port, ServiceProcess... started)
            throws Exception {
        try {
            return ServiceProcess.start(module, environment, properties, module, List.of(), port);
        } catch (Exception e) {
            for (ServiceProcess service : started) {
                service.close();
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (secondIntake != null) {
            secondIntake.close();
        }
        for (ServiceProcess service : List.of(stats, deadline, intake)) {
            service.close();
        }
    }
}
