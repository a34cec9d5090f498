package vn.motcua.testkit;

import vn.motcua.infra.KeycloakTokens;
import vn.motcua.infra.KeycloakService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real Keycloak with the suite's demo realm file gives the claims the services rely on: realm roles in
 * {@code realm_access.roles}, a user's units in {@code units}, a kiosk's one unit in {@code unit}, the services in
 * {@code aud}. Slow (a minute).
 */
class KeycloakIsRealTest {

    private static final KeycloakService keycloak = Infrastructure.keycloak();

    @Test
    void a_clerks_token_carries_the_realm_issuer_its_role_and_its_unit() {
        Map<String, Object> claims = KeycloakTokens.claims(keycloak.passwordToken("clerk-p1", "clerk-p1"));

        assertThat(claims.get("iss")).isEqualTo(keycloak.issuer());
        assertThat(keycloak.issuer()).endsWith("/realms/motcua");
        assertThat(claims.get("preferred_username")).isEqualTo("clerk-p1");
        assertThat(claims.get("realm_access")).isEqualTo(Map.of("roles", java.util.List.of("clerk")));
        assertThat(claims.get("units")).isEqualTo(java.util.List.of("SADEC-P1"));
        // token lifespan 300 s
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(300);
    }

    @Test
    void the_city_supervisor_has_the_city_unit_and_the_admin_none() {
        Map<String, Object> supervisor = KeycloakTokens.claims(keycloak.passwordToken("supervisor-sadec", "supervisor-sadec"));
        assertThat(supervisor.get("realm_access")).isEqualTo(Map.of("roles", java.util.List.of("supervisor")));
        assertThat(supervisor.get("units")).isEqualTo(java.util.List.of("SADEC"));

        Map<String, Object> admin = KeycloakTokens.claims(keycloak.passwordToken("admin", "admin"));
        assertThat(admin.get("realm_access")).isEqualTo(Map.of("roles", java.util.List.of("admin")));
        assertThat(admin).doesNotContainKey("units");
    }

    @Test
    void nobody_signs_in_without_any_role_or_unit() {
        Map<String, Object> nobody = KeycloakTokens.claims(keycloak.passwordToken("nobody", "nobody"));

        assertThat(nobody).doesNotContainKeys("realm_access", "units", "unit");
    }

    @Test
    void a_kiosk_client_gets_the_kiosk_role_and_its_one_unit() {
        Map<String, Object> kiosk = KeycloakTokens.claims(keycloak.clientToken("kiosk-sadec-tqd", "kiosk-sadec-tqd-secret"));

        assertThat(kiosk.get("azp")).isEqualTo("kiosk-sadec-tqd");
        assertThat(kiosk.get("realm_access")).isEqualTo(Map.of("roles", java.util.List.of("kiosk")));
        assertThat(kiosk.get("unit")).isEqualTo("SADEC-TQD");
        assertThat(kiosk).doesNotContainKey("units");
    }

    /** Each service takes only tokens naming it in aud: the realm's audience mappers put all three there. */
    @Test
    @SuppressWarnings("unchecked")
    void a_clerks_and_a_kiosks_tokens_name_the_three_services_and_their_client() {
        Map<String, Object> clerk = KeycloakTokens.claims(keycloak.passwordToken("clerk-p1", "clerk-p1"));
        Map<String, Object> kiosk = KeycloakTokens.claims(
                keycloak.clientToken("kiosk-sadec-p1", "kiosk-sadec-p1-secret"));

        assertThat(clerk.get("azp")).isEqualTo("motcua-cli");
        assertThat(kiosk.get("azp")).isEqualTo("kiosk-sadec-p1");
        for (Map<String, Object> claims : java.util.List.of(clerk, kiosk)) {
            assertThat((java.util.List<Object>) claims.get("aud")).as("aud of " + claims.get("azp"))
                    .contains("intake-service", "deadline-service", "stats-service");
        }
    }

    @Test
    void a_wrong_password_or_secret_gets_no_token() {
        assertThatThrownBy(() -> keycloak.passwordToken("clerk-p1", "wrong")).hasMessageContaining("401");
        assertThatThrownBy(() -> keycloak.clientToken("kiosk-sadec-p1", "wrong")).hasMessageContaining("401");
    }
}
