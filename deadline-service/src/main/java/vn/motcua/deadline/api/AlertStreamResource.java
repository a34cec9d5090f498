package vn.motcua.deadline.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.deadline.app.ReadAccess;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.security.CurrentCaller;
import vn.motcua.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Path("/api/alerts")
@Tag(name = "Alerts")
public class AlertStreamResource {

    private static final String LAST_EVENT_ID = "Last-Event-ID";
    /** Where Quarkus OIDC puts the verified token's expiry (epoch seconds) on the identity. */
    private static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    private final ReadAccess access;
    private final CurrentCaller caller;
    private final AlertBroadcaster broadcaster;
    private final SecurityIdentity identity;
    private final ClientAddresses clients;

    public AlertStreamResource(ReadAccess access, CurrentCaller caller, AlertBroadcaster broadcaster,
                               SecurityIdentity identity, ClientAddresses clients) {
        this.clients = clients;
        this.access = access;
        this.caller = caller;
        this.broadcaster = broadcaster;
        this.identity = identity;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Deadline alerts as Server-Sent Events, as they happen",
            description = "Each SSE event has event: the alert type (deadline.due-soon, deadline.overdue, "
                    + "deadline.appointment-missed), id: the alert's id (the CloudEvent id) and data: the CloudEvent "
                    + "JSON published on deadline-alerts. A ': keep-alive' comment comes every heartbeat. With "
                    + "Last-Event-ID, the alerts of the unit sent after that one come first; an unknown id replays "
                    + "nothing. The server ends the stream when the caller's token (or the session's ID token) "
                    + "expires; the client reconnects with Last-Event-ID and misses nothing.")
    @APIResponse(responseCode = "200", description = "An endless event stream")
    @APIResponse(responseCode = "400", description = "Unknown unit or malformed Last-Event-ID (application/problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token or session (application/problem+json)")
    @APIResponse(responseCode = "403", description = "Not a supervisor, clerk or admin, or not one of the caller's "
            + "units (application/problem+json)")
    @APIResponse(responseCode = "429", description = "Too many open streams, in total, from this client address or "
            + "of this user (application/problem+json, Retry-After)")
    @RolesAllowed({Roles.SUPERVISOR, Roles.CLERK, Roles.ADMIN})
    public void stream(
            @Parameter(description = "Unit code; a parent unit includes everything under it, as the tree stands when "
                    + "each alert comes; omitted = the caller's units (every unit for an admin); ALL = every unit, "
                    + "admin only")
            @QueryParam("unit") String unit,
            @Parameter(description = "The id of the last alert received; the alerts sent after it are replayed first")
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context HttpServerRequest request, @Context SseEventSink sink, @Context Sse sse) {
        UnitFilter filter = access.filter(caller.get(), unit);
        Optional<UUID> after = lastEventId(lastEventId);
        // A client dropped for falling behind loses its connection, not only its response: ended on a connection
        // kept alive, the response would leave the server holding what the client never read.
        Runnable disconnect = () -> request.connection().close();
        String client = clients.key(request.remoteAddress().hostAddress(), request.getHeader("Forwarded"),
                request.getHeader("X-Forwarded-For"));
        if (!broadcaster.subscribe(filter, client, user(), after, authenticatedUntil(), sink, sse, disconnect)) {
            // Long enough for a heartbeat to find streams that closed meanwhile and free their slots.
            throw ProblemException.tooManyRequests("Too many open alert streams, in total, from this client "
                    + "address or of this user; close one or try again later.", Duration.ofSeconds(30));
        }
    }

    /** The token's subject (the session's ID token's), else the caller's name: whose streams count together. */
    private String user() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return caller.get().name();
    }

    /**
     * When the caller's authentication ends, and with it the stream: a bearer token's {@code exp}; for the
     * dashboard's session, its ID token's, after which the session must be renewed at Keycloak (the reconnecting
     * EventSource does that, or is refused). Empty for an identity without an expiry (tests' own identities).
     */
    private Optional<Instant> authenticatedUntil() {
        if (identity.getAttribute(EXPIRE_TIME) instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Optional.empty();
    }

    private static Optional<UUID> lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(header.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(LAST_EVENT_ID, "must be the id of an alert received on this stream");
        }
    }
}
