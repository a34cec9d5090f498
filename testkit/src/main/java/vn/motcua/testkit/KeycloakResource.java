package vn.motcua.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * For {@code @QuarkusTest} classes that check real tokens: points quarkus-oidc at the shared Keycloak's realm
 * (keycloak/demo-realm.json). Tokens come from {@code Infrastructure.keycloak()}, e.g.
 * {@code passwordToken("clerk-p1", "clerk-p1")} or {@code clientToken("kiosk-sadec-p1", "kiosk-sadec-p1-secret")}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", Infrastructure.keycloak().issuer());
    }

    @Override
    public void stop() {
        // The server is shared by every test class of this JVM and stops when it exits.
    }
}
