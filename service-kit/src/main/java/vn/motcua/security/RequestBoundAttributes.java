package vn.motcua.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two attributes quarkus-oidc puts in an identity that belong to the request it was made for, not to the token:
 * the request's {@link RoutingContext} and its {@link AuthenticationRequestContext} (quarkus-oidc's
 * {@code OidcUtils.validateAndCreateIdentity}). An identity kept for later requests must not hold the first one's
 * request (memory, and a later request would see another's), so it is kept without them and given the current
 * request's on each use.
 */
final class RequestBoundAttributes {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();
    private static final Set<String> NAMES = Set.of(ROUTING_CONTEXT, REQUEST_CONTEXT);

    private RequestBoundAttributes() {
    }

    /** The identity as the token made it: principal, roles, credentials, permissions and the token's attributes. */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        if (identity == null) {
            return null;
        }
        Map<String, Object> tokenAttributes = identity.getAttributes().entrySet().stream()
                .filter(attribute -> !NAMES.contains(attribute.getKey()) && attribute.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .addAttributes(tokenAttributes)
                .build();
    }

    /** The kept identity for this request, with its request's attributes as quarkus-oidc would have put them. */
    static SecurityIdentity forRequest(SecurityIdentity identity, AuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (identity == null || routing == null) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ROUTING_CONTEXT, routing);
        Object requestContext = routing.get(REQUEST_CONTEXT);
        if (requestContext != null) {
            builder.addAttribute(REQUEST_CONTEXT, requestContext);
        }
        return builder.build();
    }
}
