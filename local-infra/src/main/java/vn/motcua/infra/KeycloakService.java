package vn.motcua.infra;

import java.net.URI;

/**
 * A Keycloak serving the suite's realm {@code motcua} (keycloak/motcua-realm.json): the issuer the services check
 * bearer tokens against, and real tokens for the realm's demo users and kiosk clients.
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

        @Override
        public Backend backend() {
            return Backend.ENVIRONMENT;
        }

        @Override
        public void close() {
        }
    }
}
