package vn.motcua.testkit;

import vn.motcua.infra.Backend;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Chooses, and logs with the reason, the backend of one piece of infrastructure (docs/architecture.md). */
public final class BackendChooser {

    private static final Logger LOG = Logger.getLogger(BackendChooser.class);
    private static Boolean dockerAvailable;

    private final Function<String, String> environment;
    private final BooleanSupplier docker;

    BackendChooser(Function<String, String> environment, BooleanSupplier docker) {
        this.environment = environment;
        this.docker = docker;
    }

    public static BackendChooser fromSystem() {
        return new BackendChooser(System::getenv, BackendChooser::dockerAvailable);
    }

    /** The chosen backend and, for {@link Backend#ENVIRONMENT}, the address to use. */
    public record Choice(Backend backend, Optional<String> address) {
    }

    public Choice choose(String what, String environmentVariable) {
        String address = environment.apply(environmentVariable);
        if (address != null && !address.isBlank()) {
            LOG.infof("testkit: %s from %s=%s", what, environmentVariable, address);
            return new Choice(Backend.ENVIRONMENT, Optional.of(address.trim()));
        }
        if (docker.getAsBoolean()) {
            LOG.infof("testkit: %s in a Testcontainers container (%s unset, Docker available)", what, environmentVariable);
            return new Choice(Backend.TESTCONTAINERS, Optional.empty());
        }
        LOG.infof("testkit: %s embedded (%s unset, no Docker engine)", what, environmentVariable);
        return new Choice(Backend.EMBEDDED, Optional.empty());
    }

    /** Started without an address: a container where Docker answers, embedded otherwise. */
    public Backend chooseOwn(String what) {
        Backend backend = docker.getAsBoolean() ? Backend.TESTCONTAINERS : Backend.EMBEDDED;
        LOG.infof("testkit: dedicated %s, %s", what, backend);
        return backend;
    }

    /** Testcontainers' probe; without Docker it logs a harmless ERROR and answers false in about half a second. */
    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }
}
