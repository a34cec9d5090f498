package vn.motcua.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which realm file a kept Keycloak home (devstack) was first started with, in {@code imported-realm} beside its data.
 * Keycloak imports a realm at start only when no realm of that name exists, so starting a home of the demo realm with
 * the production file (or the other way round) would quietly serve the old one.
 */
final class ImportedRealm {

    static final String MARKER = "imported-realm";

    private ImportedRealm() {
    }

    /** Records {@code realm} for a new home; refuses a home that holds the other one. */
    static void claim(Path home, KeycloakRealm realm) {
        Path marker = home.resolve(MARKER);
        try {
            KeycloakRealm held = held(home, marker);
            if (held != null && held != realm) {
                throw new IllegalStateException("the Keycloak data in " + home + " holds the realm of "
                        + held.path() + ", not " + realm.path() + "; delete " + home
                        + " to import " + realm.path());
            }
            Files.createDirectories(home);
            Files.writeString(marker, realm.name() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the realm of " + home, e);
        }
    }

    private static KeycloakRealm held(Path home, Path marker) throws IOException {
        if (Files.isRegularFile(marker)) {
            return KeycloakRealm.valueOf(Files.readString(marker).strip());
        }
        // A home with data but no marker predates the production realm: every such home imported the demo realm.
        return Files.isDirectory(home.resolve("data/h2")) ? KeycloakRealm.DEMO : null;
    }
}
