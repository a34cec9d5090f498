package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the two realm files promise, read without a Keycloak: the production realm has no users, no secrets, no
 * password grant, no test clients, brute-force protection, TLS outside the host, PKCE and exact redirects for the
 * dashboard; both realms have the same roles, units and suite clients, and every client whose tokens call a service
 * names that service in their audience (each service takes only tokens naming it).
 */
class RealmFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("motcua.e2e.root", "..")).toAbsolutePath();
    private static final Set<String> SERVICES = Set.of("intake-service", "deadline-service", "stats-service");
    private static final String DASHBOARD = "motcua-dashboard";
    /** Keycloak's own client, which no service takes. */
    private static final String KEYCLOAKS_CLI = "admin-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode realm(String file) throws IOException {
        return JSON.readTree(ROOT.resolve("keycloak").resolve(file).toFile());
    }

    @Test
    void the_production_realm_has_no_users_no_secrets_and_no_password_grant() throws IOException {
        JsonNode production = realm("production-realm.json");
        assertThat(production.path("realm").asText()).isEqualTo("motcua");
        assertThat(production.path("users").size()).as("users").isZero();
        assertThat(production.path("sslRequired").asText()).isEqualTo("external");
        for (JsonNode client : production.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.has("secret")).as(id + " has a secret").isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(id + " password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false)).as(id + " implicit flow").isFalse();
        }
        assertThat(clientIds(production)).doesNotContain("motcua-cli", "motcua-test-short-lived");
        // Keycloak gives every realm an admin-cli with the password grant unless the file declares it otherwise
        assertThat(client(production, KEYCLOAKS_CLI).path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void the_production_realm_slows_down_password_guessing() throws IOException {
        JsonNode production = realm("production-realm.json");
        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(production.path("permanentLockout").asBoolean(false))
                .as("a lockout an attacker could cause for good").isFalse();
        assertThat(production.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(production.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(production.path("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(
                production.path("waitIncrementSeconds").asInt());
    }

    @Test
    void the_production_dashboard_uses_pkce_and_exact_redirects() throws IOException {
        JsonNode dashboard = client(realm("production-realm.json"), DASHBOARD);
        assertThat(dashboard.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(dashboard.path("redirectUris")).isNotEmpty()
                .allSatisfy(uri -> assertThat(uri.asText()).doesNotContain("*"));
        assertThat(dashboard.path("attributes").path("post.logout.redirect.uris").asText()).doesNotContain("*");
        assertThat(dashboard.path("webOrigins")).allSatisfy(origin -> assertThat(origin.asText()).isNotEqualTo("*"));
    }

    @Test
    void both_realms_have_the_same_roles_units_and_suite_clients() throws IOException {
        JsonNode demo = realm("demo-realm.json");
        JsonNode production = realm("production-realm.json");
        assertThat(production.path("roles")).isEqualTo(demo.path("roles"));
        assertThat(production.path("groups")).isEqualTo(demo.path("groups"));
        Set<String> demoOnly = new TreeSet<>(clientIds(demo));
        demoOnly.removeAll(clientIds(production));
        assertThat(demoOnly).containsExactlyInAnyOrder("motcua-cli", "motcua-test-short-lived");
        Set<String> productionOnly = new TreeSet<>(clientIds(production));
        productionOnly.removeAll(clientIds(demo));
        assertThat(productionOnly).containsExactly(KEYCLOAKS_CLI);
    }

    /** A kiosk or staff token is for the three services; the dashboard's session is deadline-service's alone. */
    @Test
    void every_client_of_both_realms_puts_its_services_in_the_audience() throws IOException {
        for (String file : List.of("demo-realm.json", "production-realm.json")) {
            for (JsonNode client : realm(file).path("clients")) {
                String id = client.path("clientId").asText();
                if (id.equals(KEYCLOAKS_CLI)) {
                    continue;
                }
                Set<String> expected = id.equals(DASHBOARD) ? Set.of("deadline-service") : SERVICES;
                assertThat(audiences(client, "access.token.claim")).as(file + " " + id + " access token")
                        .isEqualTo(expected);
            }
            // quarkus-oidc checks the configured audience on the code flow's ID token as well
            assertThat(audiences(client(realm(file), DASHBOARD), "id.token.claim")).as(file + " dashboard ID token")
                    .containsExactly("deadline-service");
        }
    }

    private static Set<String> audiences(JsonNode client, String token) {
        Set<String> audiences = new TreeSet<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            JsonNode config = mapper.path("config");
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && config.path(token).asText().equals("true")) {
                JsonNode audience = config.has("included.custom.audience") ? config.path("included.custom.audience")
                        : config.path("included.client.audience");
                audiences.add(audience.asText());
            }
        }
        return audiences;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(client -> ids.add(client.path("clientId").asText()));
        return ids;
    }
}
