package vn.motcua.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;

/**
 * Verifies a bearer token once and takes it again until its {@code exp} ({@link VerifiedTokenCache}), where
 * quarkus-oidc would parse and verify it anew on every request. It stands before quarkus-oidc's own provider for the
 * same requests: a token it has not kept goes to that provider, whose answer (identity or refusal) it passes on
 * unchanged, keeping only an identity. quarkus-oidc's bearer mechanism is untouched, so a refused token answers
 * exactly as before (401, {@code WWW-Authenticate: Bearer}, problem+json).
 * <p>
 * What is kept is the identity before augmentation: the identity provider manager runs every augmentor
 * ({@link AllowedClientsAugmentor} among them) after whichever provider answered, on a hit as on a miss, so a policy an
 * augmentor applies is applied on every request, and costs only a claim comparison.
 * <p>
 * Only bearer access tokens, only with {@code motcua.tokens.cache.enabled}: the code flow's tokens (deadline's
 * dashboard) go to quarkus-oidc as before. With it on, the service must have one OIDC tenant (the key is the token
 * alone), and no setting whose check depends on more than the token ({@link PerTokenChecksOnly}).
 */
@ApplicationScoped
@Startup // made at start, so that a setting it refuses stops the start, not the first request
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** {@link IdentityProvider#priority()}'s default, which quarkus-oidc's provider keeps. */
    private static final int OIDC_PRIORITY = 1001;

    private final OidcIdentityProvider oidc;
    private final MeterRegistry registry;
    /** None when the cache is off. */
    private final VerifiedTokenCache cache;

    CachedTokenIdentityProvider(OidcIdentityProvider oidc, TokenSettings settings, MeterRegistry registry,
            Config config) {
        this.oidc = oidc;
        this.registry = registry;
        if (settings.cache().enabled()) {
            PerTokenChecksOnly.require(config);
            // Real time, as the verifier's: a service's settable clock (ClockProducer) may be set to another day.
            this.cache = new VerifiedTokenCache(settings.cache().maxEntries(), Clock.systemUTC());
            cache.bindTo(registry);
        } else {
            this.cache = null;
        }
    }

    @PreDestroy
    void unbindMetrics() {
        if (cache != null) {
            cache.unbindFrom(registry);
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return OIDC_PRIORITY + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (cache == null || !(request.getToken() instanceof AccessTokenCredential)) {
            // No identity from here: the manager asks the next provider, quarkus-oidc's.
            return Uni.createFrom().nullItem();
        }
        return cache.identityFor(request.getToken().getToken(),
                        () -> oidc.authenticate(request, context).map(RequestBoundAttributes::withoutRequest))
                .map(identity -> RequestBoundAttributes.forRequest(identity, request));
    }
}
