package vn.motcua.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code motcua.security.allow-demo-secrets}: only a local demo sets it (ProductionStart). */
@ConfigMapping(prefix = "motcua.security")
public interface DemoSecretsSetting {

    @WithDefault("false")
    boolean allowDemoSecrets();
}
