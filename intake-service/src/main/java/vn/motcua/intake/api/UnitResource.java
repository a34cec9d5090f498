package vn.motcua.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.security.Roles;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.UnitState;
import vn.motcua.intake.app.CatalogueUpdates;
import vn.motcua.intake.app.DossierTransfers;
import vn.motcua.intake.domain.ParentsFirst;
import vn.motcua.intake.domain.UnitTimeline;
import vn.motcua.intake.store.Catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Đơn vị: provinces, districts or cities, wards or communes, in one tree")
public class UnitResource {

    private final CatalogueUpdates updates;
    private final Catalogue catalogue;
    private final DossierTransfers transfers;
    private final Clock clock;

    UnitResource(CatalogueUpdates updates, Catalogue catalogue, DossierTransfers transfers, Clock clock) {
        this.updates = updates;
        this.catalogue = catalogue;
        this.transfers = transfers;
        this.clock = clock;
    }

    @PermitAll
    @GET
    @Operation(description = Who.PUBLIC,
            summary = "The tree of a day: every unit that had come into being by then (closed ones under their last "
                    + "parent), each in its state of that day, parents first (by depth, then code)")
    public List<UnitView> list(@Parameter(description = "YYYY-MM-DD; default today in Vietnam") @QueryParam("on") String on) {
        LocalDate day = day(on);
        UnitTimeline timeline = catalogue.unitTimeline();
        List<String> codes = ParentsFirst.order(timeline.parentsOn(day).entrySet(), Map.Entry::getKey,
                Map.Entry::getValue).stream().map(Map.Entry::getKey).toList();
        return codes.stream().map(code -> UnitView.of(code, timeline.on(code, day).orElseThrow(), null)).toList();
    }

    @PermitAll
    @GET
    @Path("/{code}")
    @Operation(description = Who.PUBLIC,
            summary = "One unit: its state on the day (default today; a unit entered for a later day only shows its "
                    + "first state) and its whole history. With on=, 404 when it had not come into being by then")
    public UnitView get(@PathParam("code") String code,
                        @Parameter(description = "YYYY-MM-DD") @QueryParam("on") String on) {
        LocalDate day = day(on);
        UnitTimeline timeline = catalogue.unitTimeline();
        List<UnitState> history = timeline.history(code);
        if (history.isEmpty()) {
            throw ProblemException.notFound("Unit " + code);
        }
        UnitState shown = timeline.on(code, day).orElse(null);
        if (shown == null && on != null) {
            throw ProblemException.notFound("Unit " + code + " on " + day + " (it exists from "
                    + history.get(0).effectiveFrom() + ")");
        }
        return UnitView.of(code, shown != null ? shown : history.get(0), history);
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Operation(description = Who.ADMIN,
            summary = "Add a state to a unit (create, rename, move, or close it into a successor) from effectiveFrom, "
                    + "or correct its latest state (the same day); published as unit.changed with the whole history. "
                    + "A closing in force moves the unit's dossiers to the successor before this answers")
    public UnitView put(@PathParam("code") String code, UnitChange body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<UnitState> history = updates.putUnit(code, body.name(), body.parentCode(), body.effectiveFrom(),
                body.closed(), body.successorCode());
        LocalDate today = today();
        UnitState latest = history.get(history.size() - 1);
        if (latest.closed() && !latest.effectiveFrom().isAfter(today)) {
            transfers.moveDueQuietly(); // committed above: the dossiers move now, not at the next scheduled run
        }
        LocalDate shownDay = body.effectiveFrom() != null ? body.effectiveFrom() : today;
        UnitState shown = UnitTimeline.of(Map.of(code, history)).on(code, shownDay).orElse(history.get(0));
        return UnitView.of(code, shown, history);
    }

    /** The day asked for, or today in Vietnam; anything but a date is a 400 naming {@code on}. */
    private LocalDate day(String on) {
        if (on == null) {
            return today();
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("on", "must be a date YYYY-MM-DD");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }
}
