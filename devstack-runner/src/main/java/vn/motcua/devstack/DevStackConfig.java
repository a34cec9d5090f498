package vn.motcua.devstack;

import java.nio.file.Path;

/** Where devstack keeps its data and which ports it serves; each from the environment, with the suite's defaults. */
record DevStackConfig(Path dataDirectory, int kafkaPort, int kafkaControllerPort, int postgresPort, int mongoPort,
                      int keycloakPort) {

    static DevStackConfig fromEnvironment() {
        return new DevStackConfig(
                Path.of(env("DEVSTACK_DATA", ".devstack")).toAbsolutePath(),
                port("DEVSTACK_KAFKA_PORT", 9092),
                port("DEVSTACK_KAFKA_CONTROLLER_PORT", 9093),
                port("DEVSTACK_POSTGRES_PORT", 5432),
                port("DEVSTACK_MONGO_PORT", 27017),
                port("DEVSTACK_KEYCLOAK_PORT", 8180));
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
