package vn.motcua.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The suite's two files of the realm {@code motcua}, keycloak/demo/motcua-realm.json and
 * keycloak/production/motcua-realm.json in the repository root: one folder each, since Keycloak imports every
 * {@code *-realm.json} of its import folder and insists that the file be named after its realm. local-infra's jar
 * carries both (local-infra/pom.xml), so tests of any module and the devstack find them. The demo realm (users,
 * secrets, the password grant) is for the tests and {@code ./devstack --demo} only; plain {@code ./devstack}
 * imports the production realm, which has no users and no secrets.
 */
public enum KeycloakRealm {

    DEMO("demo"),
    PRODUCTION("production");

    public static final String NAME = "motcua";
    /** The name Keycloak requires of the file in its import folder. */
    public static final String FILE_NAME = NAME + "-realm.json";
    /** Public client for curl, scripts and tests: password grant, demo realm only. */
    public static final String CLI_CLIENT = "motcua-cli";

    private final String folder;

    KeycloakRealm(String folder) {
        this.folder = folder;
    }

    /** Where it is in the repository, e.g. {@code keycloak/demo/motcua-realm.json}. */
    public String path() {
        return "keycloak/" + folder + "/" + FILE_NAME;
    }

    /** Writes this realm's file into a Keycloak import folder (replacing the other realm's, of the same name). */
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
