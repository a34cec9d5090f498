package vn.motcua.infra;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import java.net.URI;

/**
 * A Keycloak serving the suite's realm {@code motcua} (in the tests the demo realm,
 * keycloak/demo-realm.json): the issuer the services check bearer tokens against, and real tokens for the
 * realm's demo users and kiosk clients.
 */
public interface KeycloakService extends AutoCloseable {

    /** The realm's issuer, e.g. {@code http://localhost:8180/realms/motcua}: the services' QUARKUS_OIDC_AUTH_SERVER_URL. */
    String issuer();

    Backend backend();

    /** Stops the server; a no-op for an address from the environment, which this JVM does not own. */
    @Override
    void close();

    default URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** An access token of a realm user, by the password grant of the public client motcua-cli. */
    default String passwordToken(String username, String password) {
        return new KeycloakTokens(tokenEndpoint()).password(username, password).value();
    }

    /** An access token of a confidential client, e.g. a kiosk ({@code kiosk-sadec-p1}, {@code kiosk-sadec-p1-secret}). */
    default String clientToken(String clientId, String secret) {
        return new KeycloakTokens(tokenEndpoint()).clientCredentials(clientId, secret).value();
    }

    /** A running Keycloak with the realm imported, given as its base address ({@code http://localhost:8180}). */
    record ExternalKeycloak(String issuer) implements KeycloakService {

        public static ExternalKeycloak at(String baseUrl) {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return new ExternalKeycloak(base + "/realms/" + KeycloakRealm.NAME);
        }

        /**
         * Returns once the realm's discovery document answers: a build's shared Keycloak is handed to the test JVMs
         * while it still starts (./test), so the first test that needs it waits here instead of failing.
         */
        public ExternalKeycloak awaitAnswering(Duration patience) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build();
            Instant deadline = Instant.now().plus(patience);
            while (true) {
                try {
                    if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Keycloak at " + issuer, e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Keycloak at " + issuer + " did not answer within "
                            + patience.toSeconds() + " s");
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Keycloak at " + issuer, e);
                }
            }
        }

        @Override
        public Backend backend() {
            return Backend.ENVIRONMENT;
        }

        @Override
        public void close() {
        }
    }
}
