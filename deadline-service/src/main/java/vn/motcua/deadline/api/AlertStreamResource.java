package vn.motcua.deadline.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.deadline.app.UnitDirectory;
import vn.motcua.deadline.messaging.AlertBroadcaster;

@Path("/api/alerts")
@Tag(name = "Alerts")
public class AlertStreamResource {

    private final UnitDirectory units;
    private final AlertBroadcaster broadcaster;

    public AlertStreamResource(UnitDirectory units, AlertBroadcaster broadcaster) {
        this.units = units;
        this.broadcaster = broadcaster;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Deadline alerts as Server-Sent Events, as they happen",
            description = "Each SSE event has event: the alert type (deadline.due-soon, deadline.overdue, "
                    + "deadline.appointment-missed) and data: the CloudEvent JSON published on deadline-alerts.")
    @APIResponse(responseCode = "200", description = "An endless event stream")
    @APIResponse(responseCode = "400", description = "Unknown unit (application/problem+json)")
    public void stream(
            @Parameter(description = "Unit code; a parent unit includes everything under it, as the tree stands when "
                    + "each alert comes; ALL or omitted = every unit")
            @QueryParam("unit") String unit,
            @Context SseEventSink sink, @Context Sse sse) {
        broadcaster.subscribe(units.filter(unit), sink, sse);
    }
}
