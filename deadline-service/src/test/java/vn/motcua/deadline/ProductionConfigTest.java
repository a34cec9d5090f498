package vn.motcua.deadline;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * application.properties as a production start reads it (profile prod, SmallRye Config's expansion, as Quarkus
 * does it before anything starts): without an issuer or the dashboard client's secret there is no value to start
 * with, so the service refuses to start rather than run with no way to check a token.
 */
class ProductionConfigTest {

    @Test
    void withoutIssuerOrSecretProductionHasNoValueAndStartsNot() throws Exception {
        SmallRyeConfig config = production(Map.of());
        assertThatThrownBy(() -> config.getValue("quarkus.oidc.auth-server-url", String.class))
                .hasMessageContaining("QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThatThrownBy(() -> config.getValue("quarkus.oidc.credentials.secret", String.class))
                .hasMessageContaining("QUARKUS_OIDC_CREDENTIALS_SECRET");
    }

    @Test
    void theEnvironmentGivesBoth() throws Exception {
        SmallRyeConfig config = production(Map.of(
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/motcua",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "from-the-environment"));
        assertThat(config.getValue("quarkus.oidc.auth-server-url", String.class))
                .isEqualTo("http://localhost:8180/realms/motcua");
        assertThat(config.getValue("quarkus.oidc.credentials.secret", String.class)).isEqualTo("from-the-environment");
        assertThat(config.getValue("quarkus.oidc.application-type", String.class)).isEqualTo("hybrid");
        assertThat(config.getValue("quarkus.http.cors.origins", String.class)).isEqualTo("http://localhost:8083");
    }

    private static SmallRyeConfig production(Map<String, String> environment) throws Exception {
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        ProductionConfigTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
