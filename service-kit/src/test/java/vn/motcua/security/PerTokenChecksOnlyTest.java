package vn.motcua.security;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerTokenChecksOnlyTest {

    @Test
    void intakesSettingsAreChecksOfTheTokenAlone() {
        assertThatCode(() -> PerTokenChecksOnly.require(config(Map.of(
                "quarkus.oidc.token.audience", "intake-service",
                "quarkus.oidc.token.allow-jwt-introspection", "false")))).doesNotThrowAnyException();
        assertThatCode(() -> PerTokenChecksOnly.require(config(Map.of(
                "quarkus.oidc.token.authorization-scheme", "bearer")))).doesNotThrowAnyException();
    }

    @Test
    void aMaximumAgeOrABoundTokenRefusesTheCache() {
        for (Map<String, String> settings : Map.of(
                "quarkus.oidc.token.age", "PT1M",
                "quarkus.oidc.token.binding.certificate", "true",
                "quarkus.oidc.token.authorization-scheme", "DPoP").entrySet().stream()
                .map(setting -> Map.of(setting.getKey(), setting.getValue())).toList()) {
            assertThatThrownBy(() -> PerTokenChecksOnly.require(config(settings)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(settings.keySet().iterator().next());
        }
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }
}
