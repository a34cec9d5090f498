package vn.motcua.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The suite's two realm files, both of the realm {@code motcua}, at keycloak/ in the repository root; local-infra's
 * jar carries copies (local-infra/pom.xml), so tests of any module and the devstack find them. The demo realm (users,
 * secrets, the password grant) is for the tests and {@code ./devstack --demo} only; plain {@code ./devstack} imports
 * the production realm, which has no users and no secrets.
 */
public enum KeycloakRealm {

    DEMO("demo-realm.json"),
    PRODUCTION("production-realm.json");

    public static final String NAME = "motcua";
    /** Public client for curl, scripts and tests: password grant, demo realm only. */
    public static final String CLI_CLIENT = "motcua-cli";

    private final String fileName;

    KeycloakRealm(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * Writes this realm's file into a Keycloak import folder, removing the other realm's: Keycloak imports every
     * {@code *-realm.json} there, and two files of one realm name would leave which one wins to chance.
     */
    public Path copyInto(Path importDirectory) {
        String resource = "/keycloak/" + fileName;
        try (InputStream in = KeycloakRealm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (built into the local-infra jar)");
            }
            Files.createDirectories(importDirectory);
            try (DirectoryStream<Path> realms = Files.newDirectoryStream(importDirectory, "*-realm.json")) {
                for (Path other : realms) {
                    Files.delete(other);
                }
            }
            Path target = importDirectory.resolve(fileName);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realm file into " + importDirectory, e);
        }
    }
}
