package vn.motcua.testkit;

import vn.motcua.infra.KeycloakService;
import vn.motcua.infra.MongoService;
import vn.motcua.infra.PostgresService;
import vn.motcua.infra.KafkaService;

/**
 * The shared infrastructure of one test JVM: each piece is resolved and started on first use and stopped when the
 * JVM exits, so test classes share one broker, one PostgreSQL server, one MongoDB endpoint and one Keycloak, and get clean state
 * from fresh topics and databases ({@link TestBed}).
 */
public final class Infrastructure {

    private static KafkaService kafka;
    private static PostgresService postgres;
    private static MongoService mongo;
    private static KeycloakService keycloak;

    private Infrastructure() {
    }

    public static synchronized KafkaService kafka() {
        if (kafka == null) {
            kafka = stopAtExit(Backends.kafka());
        }
        return kafka;
    }

    public static synchronized PostgresService postgres() {
        if (postgres == null) {
            postgres = stopAtExit(Backends.postgres());
        }
        return postgres;
    }

    public static synchronized MongoService mongo() {
        if (mongo == null) {
            mongo = stopAtExit(Backends.mongo());
        }
        return mongo;
    }

    public static synchronized KeycloakService keycloak() {
        if (keycloak == null) {
            keycloak = stopAtExit(Backends.keycloak());
        }
        return keycloak;
    }

    private static <T extends AutoCloseable> T stopAtExit(T service) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception ignored) {
                // the JVM is going away; nothing to keep clean
            }
        }, "testkit-stop"));
        return service;
    }
}
