package vn.motcua.devstack;

import vn.motcua.infra.KeycloakRealm;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where devstack keeps its data, which ports it serves and which realm Keycloak imports; each from the environment,
 * with the suite's defaults. The realm is the production one (no users, no secrets) unless {@code DEVSTACK_REALM} is
 * {@code demo}, which {@code ./devstack --demo} sets.
 */
record DevStackConfig(Path dataDirectory, int kafkaPort, int kafkaControllerPort, int postgresPort, int mongoPort,
                      int keycloakPort, KeycloakRealm realm) {

    static DevStackConfig fromEnvironment() {
        return new DevStackConfig(
                Path.of(env("DEVSTACK_DATA", ".devstack")).toAbsolutePath(),
                port("DEVSTACK_KAFKA_PORT", 9092),
                port("DEVSTACK_KAFKA_CONTROLLER_PORT", 9093),
                port("DEVSTACK_POSTGRES_PORT", 5432),
                port("DEVSTACK_MONGO_PORT", 27017),
                port("DEVSTACK_KEYCLOAK_PORT", 8180),
                KeycloakRealm.valueOf(env("DEVSTACK_REALM", "production").toUpperCase(Locale.ROOT)));
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
