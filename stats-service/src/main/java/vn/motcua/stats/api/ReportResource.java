package vn.motcua.stats.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.motcua.stats.app.ReportService;

/**
 * {@code GET /api/stats/reports/{period}?unit=&by=unit|field|procedure|receivingUnit&cutoff=15|calendar}: JSON by
 * default; the form 06 table of the same rows as CSV for {@code Accept: text/csv} or
 * {@code /api/stats/reports/{period}.csv}.
 */
@Path("/api/stats/reports")
public class ReportResource {

    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    private final ReportService reports;

    ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("{period}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response report(@PathParam("period") String period, @QueryParam("unit") String unit,
                           @QueryParam("by") String by, @QueryParam("cutoff") String cutoff,
                           @Context HttpHeaders headers) {
        if (prefersCsv(headers)) {
            return csv(period, unit, by, cutoff);
        }
        return Response.ok(reports.report(reports.query(period, unit, by, cutoff)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("{period}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("period") String period, @QueryParam("unit") String unit,
                        @QueryParam("by") String by, @QueryParam("cutoff") String cutoff) {
        ReportService.ReportQuery query = reports.query(period, unit, by, cutoff);
        return Response.ok(Form06Csv.render(reports.report(query)), CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bieu-06-" + query.period().id()
                        + "-" + query.unit() + "-" + query.by().parameter() + ".csv\"")
                .build();
    }

    /** CSV only when the client ranks text/csv first; JSON for anything else, including no Accept. */
    private static boolean prefersCsv(HttpHeaders headers) {
        var acceptable = headers.getAcceptableMediaTypes();
        return !acceptable.isEmpty() && acceptable.get(0).getType().equals("text")
                && acceptable.get(0).getSubtype().equals("csv");
    }
}
