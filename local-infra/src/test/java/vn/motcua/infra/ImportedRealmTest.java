package vn.motcua.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kept Keycloak home serves the realm it was first started with, so devstack refuses to switch it silently. */
class ImportedRealmTest {

    @TempDir
    Path home;

    @Test
    void aNewHomeTakesEitherRealmAndKeepsIt() throws IOException {
        ImportedRealm.claim(home, KeycloakRealm.PRODUCTION);
        assertEquals("PRODUCTION", Files.readString(home.resolve(ImportedRealm.MARKER)).strip());
        assertDoesNotThrow(() -> ImportedRealm.claim(home, KeycloakRealm.PRODUCTION));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ImportedRealm.claim(home, KeycloakRealm.DEMO));
        assertTrue(refused.getMessage().contains("delete " + home), refused.getMessage());
    }

    @Test
    void aHomeWithDataButNoRecordHoldsTheDemoRealm() throws IOException {
        Files.createDirectories(home.resolve("data/h2"));

        assertThrows(IllegalStateException.class, () -> ImportedRealm.claim(home, KeycloakRealm.PRODUCTION));
        assertDoesNotThrow(() -> ImportedRealm.claim(home, KeycloakRealm.DEMO));
    }
}
