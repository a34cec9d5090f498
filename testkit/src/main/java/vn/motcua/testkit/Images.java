package vn.motcua.testkit;

import vn.motcua.infra.KeycloakDistribution;

/** Container images, pinned to the tags docker-compose.yml runs. */
public final class Images {
    public static final String KAFKA = "apache/kafka:4.1.2";
    public static final String POSTGRES = "postgres:17.6";
    public static final String MONGO = "mongo:8.0.12";
    /** Also the version of the distribution zip started without Docker ({@link KeycloakDistribution}). */
    public static final String KEYCLOAK = "quay.io/keycloak/keycloak:" + KeycloakDistribution.VERSION;

    private Images() {
    }
}
