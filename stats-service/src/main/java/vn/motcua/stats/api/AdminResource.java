package vn.motcua.stats.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.motcua.stats.app.Rebuild;
import vn.motcua.stats.app.RebuildResult;
import vn.motcua.stats.app.TimeSweep;

import java.util.Map;

/** Operator actions. Not for the public: put it behind the admin network or an auth proxy. */
@Path("/api/stats/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Rebuild rebuild;
    private final TimeSweep sweep;

    AdminResource(Rebuild rebuild, TimeSweep sweep) {
        this.rebuild = rebuild;
        this.sweep = sweep;
    }

    /** Recomputes every total from the projection; {@code dryRun=true} reports the differences only. */
    @POST
    @Path("rebuild")
    public RebuildResult rebuild(@QueryParam("dryRun") boolean dryRun) {
        return rebuild.run(dryRun);
    }

    /** Runs the time sweep now (it also runs on a schedule). */
    @POST
    @Path("sweep")
    public Map<String, Integer> sweep() {
        return Map.of("advanced", sweep.run());
    }
}
