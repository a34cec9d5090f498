package vn.motcua.deadline.api;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.deadline.config.DashboardSettings;
import vn.motcua.deadline.domain.DashboardOrigins;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's log-in and log-out for the live-alert panel. A browser's EventSource cannot send a bearer token, so
 * the panel's user logs in here once (the authorization code flow with Keycloak); the session cookie it gets back is
 * then sent with the stream and the overdue list. Only this path starts the code flow (a permission in
 * application.properties): every other call without a token or session answers 401, never a redirect.
 */
@Path("/api/alerts")
@Tag(name = "Alerts")
public class SessionResource {

    private static final String RETURN_TO = "returnTo";

    private final DashboardOrigins dashboards;
    private final SecurityIdentity identity;
    private final OidcSession session;
    private final OidcConfigurationMetadata provider;
    private final String clientId;

    public SessionResource(DashboardSettings dashboards, SecurityIdentity identity, OidcSession session,
                           OidcConfigurationMetadata provider,
                           @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.dashboards = dashboards.allowed();
        this.identity = identity;
        this.session = session;
        this.provider = provider;
        this.clientId = clientId;
    }

    @GET
    @Path("/login")
    @Authenticated
    @Operation(summary = "Log in for the alert panel (browser navigation), then back to the dashboard",
            description = "Without a session the browser is sent to Keycloak's login page first; once logged in, "
                    + "the session cookie (SameSite=Lax) is set and the browser goes to returnTo.")
    @APIResponse(responseCode = "302", description = "To Keycloak's login page, when not logged in yet")
    @APIResponse(responseCode = "303", description = "Logged in: back to returnTo")
    @APIResponse(responseCode = "400", description = "returnTo is not on a configured dashboard origin")
    public Response login(@Parameter(description = "A page on a dashboard origin (motcua.dashboard.origins)")
                          @QueryParam(RETURN_TO) String returnTo) {
        return Response.seeOther(back(returnTo)).build();
    }

    // POST only (a GET is a 405): a link or an image on any page could otherwise log a supervisor out. The
    // dashboard submits a form; a cross-site form's POST carries no SameSite=Lax cookie, so it logs no one out.
    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "End the alert panel's session here and at Keycloak, then back to the dashboard",
            description = "POST only (a form's submission); a GET answers 405.")
    @APIResponse(responseCode = "303", description = "To Keycloak's end-session page, which returns to returnTo; "
            + "straight to returnTo without a session")
    @APIResponse(responseCode = "400", description = "returnTo is not on a configured dashboard origin")
    public Response logout(@Parameter(description = "A page on a dashboard origin (motcua.dashboard.origins)")
                           @QueryParam(RETURN_TO) String returnTo) {
        URI back = back(returnTo);
        IdTokenCredential idToken = identity.isAnonymous() ? null : identity.getCredential(IdTokenCredential.class);
        if (idToken == null) {
            return Response.seeOther(back).build();
        }
        session.logout().await().indefinitely(); // drops the session cookie
        String endSession = provider.getEndSessionUri();
        if (endSession == null) {
            return Response.seeOther(back).build();
        }
        // Keycloak's own session ends too; otherwise the next login would pass without asking anyone.
        return Response.seeOther(URI.create(endSession + (endSession.contains("?") ? "&" : "?")
                + "client_id=" + encoded(clientId)
                + "&id_token_hint=" + encoded(idToken.getToken())
                + "&post_logout_redirect_uri=" + encoded(back.toString()))).build();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI back(String returnTo) {
        if (returnTo == null || returnTo.isBlank()) {
            return dashboards.home();
        }
        return dashboards.accept(returnTo).orElseThrow(() -> ProblemException.invalid(RETURN_TO,
                "must be a page on a dashboard origin (motcua.dashboard.origins)"));
    }
}
