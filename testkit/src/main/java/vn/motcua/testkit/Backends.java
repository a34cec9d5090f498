package vn.motcua.testkit;

import vn.motcua.infra.EmbeddedKafka;
import vn.motcua.infra.EmbeddedMongo;
import vn.motcua.infra.EmbeddedPostgresServer;
import vn.motcua.infra.KafkaService;
import vn.motcua.infra.KeycloakService;
import vn.motcua.infra.LocalKeycloak;
import vn.motcua.infra.MongoService;
import vn.motcua.infra.PostgresService;

/**
 * Where each piece of test infrastructure comes from (testkit/README.md): an address from the environment, a
 * Testcontainers container where Docker answers, or local-infra's server started in this JVM.
 */
public final class Backends {

    private Backends() {
    }

    /**
     * Kafka is never a container: the suite's broker needs its super user's SCRAM login written when its storage is
     * formatted, which Testcontainers' Kafka module cannot do; the embedded node is the same server.
     */
    static KafkaService kafka() {
        BackendChooser.Choice choice = BackendChooser.fromSystem().choose("Kafka", "MOTCUA_KAFKA_BOOTSTRAP");
        return switch (choice.backend()) {
            case ENVIRONMENT -> new KafkaService.ExternalKafka(choice.address().orElseThrow());
            case TESTCONTAINERS, EMBEDDED -> EmbeddedKafka.start();
        };
    }

    /**
     * {@code MOTCUA_POSTGRES_URL} is a JDBC URL whose path names any database (it is replaced per test); the user
     * needs CREATEDB. Credentials from {@code MOTCUA_POSTGRES_USER} and {@code MOTCUA_POSTGRES_PASSWORD}, default
     * postgres/postgres.
     */
    static PostgresService postgres() {
        BackendChooser.Choice choice = BackendChooser.fromSystem().choose("PostgreSQL", "MOTCUA_POSTGRES_URL");
        return switch (choice.backend()) {
            case ENVIRONMENT -> new PostgresService.ExternalPostgres(choice.address().orElseThrow(),
                    envOr("MOTCUA_POSTGRES_USER", "postgres"), envOr("MOTCUA_POSTGRES_PASSWORD", "postgres"));
            case TESTCONTAINERS -> ContainerPostgres.start();
            case EMBEDDED -> EmbeddedPostgresServer.start();
        };
    }

    static MongoService mongo() {
        BackendChooser.Choice choice = BackendChooser.fromSystem().choose("MongoDB", "MOTCUA_MONGODB_URL");
        return switch (choice.backend()) {
            case ENVIRONMENT -> new MongoService.ExternalMongo(choice.address().orElseThrow());
            case TESTCONTAINERS -> ContainerMongo.start();
            case EMBEDDED -> EmbeddedMongo.start();
        };
    }

    static KeycloakService keycloak() {
        BackendChooser.Choice choice = BackendChooser.fromSystem().choose("Keycloak", "MOTCUA_KEYCLOAK_URL");
        return switch (choice.backend()) {
            case ENVIRONMENT -> KeycloakService.ExternalKeycloak.at(choice.address().orElseThrow())
                    .awaitAnswering(LocalKeycloak.START_TIMEOUT);
            case TESTCONTAINERS -> ContainerKeycloak.start();
            case EMBEDDED -> LocalKeycloak.start();
        };
    }

    /** A broker of its own that a test may stop (embedded, see {@link #kafka()}). */
    public static KafkaService ownKafka() {
        return EmbeddedKafka.start();
    }

    public static PostgresService ownPostgres() {
        return switch (BackendChooser.fromSystem().chooseOwn("PostgreSQL")) {
            case TESTCONTAINERS -> ContainerPostgres.start();
            default -> EmbeddedPostgresServer.start();
        };
    }

    public static MongoService ownMongo() {
        return switch (BackendChooser.fromSystem().chooseOwn("MongoDB")) {
            case TESTCONTAINERS -> ContainerMongo.start();
            default -> EmbeddedMongo.start();
        };
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
