package vn.motcua.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's demo realm. The one file is keycloak/motcua-realm.json at the repository root (docker-compose mounts
 * that folder); local-infra's jar carries a copy (local-infra/pom.xml), so tests of any module find it.
 */
public final class KeycloakRealm {

    public static final String NAME = "motcua";
    /** Public client for curl, scripts and tests: password grant, demo realm only. */
    public static final String CLI_CLIENT = "motcua-cli";
    public static final String FILE_NAME = "motcua-realm.json";
    private static final String RESOURCE = "/keycloak/" + FILE_NAME;

    private KeycloakRealm() {
    }

    /** Writes the realm file into a Keycloak import folder. */
    public static Path copyInto(Path importDirectory) {
        try (InputStream in = KeycloakRealm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (built into the local-infra jar)");
            }
            Files.createDirectories(importDirectory);
            Path target = importDirectory.resolve(FILE_NAME);
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realm file into " + importDirectory, e);
        }
    }
}
