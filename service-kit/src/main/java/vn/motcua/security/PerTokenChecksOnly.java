package vn.motcua.security;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * The quarkus-oidc settings under which a verified token may be taken again without asking quarkus-oidc: those whose
 * checks depend on the token alone. A token's maximum age ({@code token.age}) runs out before its {@code exp}, and a
 * bound token (certificate or DPoP) must be checked against each request's certificate or proof; with either, a
 * kept token would skip a check, so the service refuses to start with the cache on rather than skip it.
 */
final class PerTokenChecksOnly {

    private PerTokenChecksOnly() {
    }

    static void require(Config config) {
        List<String> perRequest = new ArrayList<>();
        if (config.getOptionalValue("quarkus.oidc.token.age", String.class).isPresent()) {
            perRequest.add("quarkus.oidc.token.age");
        }
        if (config.getOptionalValue("quarkus.oidc.token.binding.certificate", Boolean.class).orElse(false)) {
            perRequest.add("quarkus.oidc.token.binding.certificate");
        }
        if (!config.getOptionalValue("quarkus.oidc.token.authorization-scheme", String.class).orElse("Bearer")
                .equalsIgnoreCase("Bearer")) {
            perRequest.add("quarkus.oidc.token.authorization-scheme");
        }
        if (!perRequest.isEmpty()) {
            throw new IllegalStateException("motcua.tokens.cache.enabled would skip checks of " + perRequest
                    + " on a kept token: turn the cache off or the settings");
        }
    }
}
