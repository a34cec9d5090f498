package vn.motcua.stats;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * application.properties as a production start reads it (profile prod, SmallRye Config's expansion, as Quarkus
 * does it before anything starts): without an issuer there is no value to start with, so the service refuses to
 * start rather than run with no way to check an admin's token. Bearer only: no client secret is asked for.
 */
class ProductionConfigTest {

    @Test
    void withoutAnIssuerProductionHasNoValueAndStartsNot() throws Exception {
        SmallRyeConfig config = production(Map.of());
        assertThatThrownBy(() -> config.getValue("quarkus.oidc.auth-server-url", String.class))
                .hasMessageContaining("QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(config.getOptionalValue("quarkus.oidc.credentials.secret", String.class)).isEmpty();
    }

    @Test
    void theEnvironmentGivesTheIssuerAndTheManagementPort() throws Exception {
        SmallRyeConfig config = production(Map.of(
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/motcua",
                "QUARKUS_MANAGEMENT_PORT", "19083"));
        assertThat(config.getValue("quarkus.oidc.auth-server-url", String.class))
                .isEqualTo("http://localhost:8180/realms/motcua");
        assertThat(config.getValue("quarkus.oidc.application-type", String.class)).isEqualTo("service");
        assertThat(config.getValue("quarkus.http.auth.proactive", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.management.port", Integer.class)).isEqualTo(19083);
        assertThat(production(Map.of()).getValue("quarkus.management.port", Integer.class)).isEqualTo(9083);
    }

    private static SmallRyeConfig production(Map<String, String> environment) throws Exception {
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        ProductionConfigTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }
}
