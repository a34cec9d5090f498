package vn.motcua.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The suite's two files of the realm {@code motcua}, keycloak/demo-realm.json and keycloak/production-realm.json in
 * the repository root; local-infra's jar carries both (local-infra/pom.xml), so tests of any module and the devstack
 * find them. Keycloak insists that the file in its import folder be named after its realm, so each is copied there
 * as {@value #FILE_NAME}. The demo realm (users,
 * secrets, the password grant) is for the tests and {@code ./devstack --demo} only; plain {@code ./devstack}
 * imports the production realm, which has no users and no secrets.
 */
public enum KeycloakRealm {

    DEMO("demo-realm.json"),
    PRODUCTION("production-realm.json");

    public static final String NAME = "motcua";
    /** The name Keycloak requires of the file in its import folder. */
    public static final String FILE_NAME = NAME + "-realm.json";
    /** Public client for curl, scripts and tests: password grant, demo realm only. */
    public static final String CLI_CLIENT = "motcua-cli";

    private final String fileName;

    KeycloakRealm(String fileName) {
        this.fileName = fileName;
    }

    /** Where it is in the repository, e.g. {@code keycloak/demo-realm.json}. */
    public String path() {
        return "keycloak/" + fileName;
    }

    /** Writes this realm's file into a Keycloak import folder as {@value #FILE_NAME} (replacing the other realm's). */
    public Path copyInto(Path importDirectory) {
        String resource = "/" + path();
        try (InputStream in = KeycloakRealm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (built into the local-infra jar)");
            }
            Files.createDirectories(importDirectory);
            Path target = importDirectory.resolve(FILE_NAME);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realm file into " + importDirectory, e);
        }
    }
}
