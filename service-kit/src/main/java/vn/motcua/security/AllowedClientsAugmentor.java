package vn.motcua.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token whose authorised party ({@code azp}) is not on the service's list: the realm has clients of its own
 * (Keycloak's {@code admin-cli}, {@code account}) and may get others, whose tokens a user could obtain but no service
 * should take. quarkus-oidc has checked signature, issuer, expiry and audience by now. The refusal is an
 * authentication failure, so it answers as every refused token does (401 problem+json, {@code ProblemMappers}). The
 * code flow's principal is the ID token, whose {@code azp} is the dashboard's client as well.
 */
@ApplicationScoped
public class AllowedClientsAugmentor implements SecurityIdentityAugmentor {

    private final AllowedClients allowed;

    AllowedClientsAugmentor(TokenSettings settings) {
        this.allowed = new AllowedClients(settings.allowedClients());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        // Every identity quarkus-oidc makes carries its token; one without is not from a token at all.
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("an identity without a token"));
        }
        String client = token.getClaim("azp");
        if (!allowed.allows(client)) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "tokens of client " + client + " are not taken here"));
        }
        return Uni.createFrom().item(identity);
    }
}
