package vn.motcua.intake.api;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a bearer token has it checked, also on the public endpoints (procedures, units, calendar,
 * the citizens' lookup and page): an expired, forged or foreign token answers 401 problem+json (through
 * vn.motcua.api.ProblemMappers) rather than being ignored, so a client learns its token is bad at the first call.
 * Authentication is lazy (quarkus.http.auth.proactive=false), so without this a public endpoint never looks at it.
 * A request without the header stays anonymous.
 */
public class BearerTokenCheck {

    private final CurrentIdentityAssociation identities;

    BearerTokenCheck(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> checkGivenToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        // Fails with the mechanism's AuthenticationFailedException for a token it cannot trust.
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
