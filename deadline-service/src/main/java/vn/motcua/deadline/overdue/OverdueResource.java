package vn.motcua.deadline.overdue;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.deadline.unit.UnitDirectory;
import vn.motcua.deadline.unit.UnitScope;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

@Path("/api/deadlines")
@Tag(name = "Deadlines")
public class OverdueResource {

    @Inject
    UnitDirectory units;
    @Inject
    Clock clock;

    @GET
    @Path("/overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Open, running dossiers past their dueAt (hồ sơ quá hạn), earliest first")
    @APIResponse(responseCode = "200", description = "The overdue dossiers of the unit and its children")
    @APIResponse(responseCode = "400", description = "Unknown unit (application/problem+json)")
    public List<OverdueDossier> overdue(
            @Parameter(description = "Unit code; a parent unit includes its children; ALL or omitted = every unit")
            @QueryParam("unit") String unit) {
        UnitScope scope = units.scope(unit);
        Instant now = clock.instant();
        List<DeadlineView> rows = scope.isAll()
                ? DeadlineView.list("status = 'OPEN' and paused = false and dueAt < ?1 order by dueAt", now)
                : DeadlineView.list("status = 'OPEN' and paused = false and dueAt < ?1 and unitCode in ?2 order by dueAt",
                now, scope.codes());
        ZoneId zone = clock.getZone();
        return rows.stream().map(row -> new OverdueDossier(row.dossierCode, row.unitCode, row.procedureCode,
                row.dueDate, at(row.dueAt, zone), at(row.dueAt, zone), at(row.newAppointmentAt, zone))).toList();
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
