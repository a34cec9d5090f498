package vn.motcua.testkit;

import vn.motcua.infra.KeycloakRealm;
import vn.motcua.infra.KeycloakService;
import vn.motcua.infra.Backend;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The Keycloak image in dev mode with the realm imported, where a Docker engine answers. */
final class ContainerKeycloak implements KeycloakService {

    private final GenericContainer<?> container;

    private ContainerKeycloak(GenericContainer<?> container) {
        this.container = container;
    }

    static ContainerKeycloak start() {
        try {
            Path realm = KeycloakRealm.DEMO.copyInto(Files.createTempDirectory("motcua-realm"));
            GenericContainer<?> container = new GenericContainer<>(Images.KEYCLOAK)
                    .withCommand("start-dev", "--import-realm")
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                    .withCopyFileToContainer(MountableFile.forHostPath(realm),
                            "/opt/keycloak/data/import/" + KeycloakRealm.FILE_NAME)
                    .withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/realms/" + KeycloakRealm.NAME + "/.well-known/openid-configuration")
                            .forStatusCode(200).withStartupTimeout(Duration.ofSeconds(180)));
            container.start();
            return new ContainerKeycloak(container);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String issuer() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(8080) + "/realms/" + KeycloakRealm.NAME;
    }

    @Override
    public Backend backend() {
        return Backend.TESTCONTAINERS;
    }

    @Override
    public void close() {
        container.stop();
    }
}
