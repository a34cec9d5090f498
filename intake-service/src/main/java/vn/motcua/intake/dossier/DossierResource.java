package vn.motcua.intake.dossier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.intake.web.ProblemException;

@Path("/api/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers", description = "Hồ sơ: intake at kiosks and counters, and each later step")
public class DossierResource {

    @Inject
    DossierIntake intake;

    @Inject
    DossierLifecycle lifecycle;

    @POST
    @Operation(summary = "Receive a dossier; answers the appointment slip (form 01)")
    @APIResponse(responseCode = "201", description = "Received; Location names the dossier")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (problem+json names it)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response receive(
            @Parameter(description = "Makes a kiosk's retry harmless: the same key and body answer the first result")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ReceiveRequest request, UriInfo uri) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1-200 characters");
        }
        DossierIntake.Outcome outcome;
        try {
            outcome = intake.receive(request, idempotencyKey);
        } catch (NewDossierInsert.Clash clash) {
            // A retry (or a concurrent twin that committed first) under a known key or code: answer its result.
            outcome = intake.replay(request, idempotencyKey);
            if (outcome == null) {
                outcome = intake.receive(request, idempotencyKey);
            }
        }
        return Response.created(uri.getBaseUriBuilder().path("api/dossiers/{code}").build(outcome.slip().code()))
                .entity(outcome.slip()).build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A dossier's state and history, for clerks")
    public DossierView get(@PathParam("code") String code) {
        Dossier dossier = Dossier.findById(code);
        if (dossier == null) {
            throw ProblemException.notFound("Dossier " + code);
        }
        return DossierView.full(dossier, DossierStep.of(code));
    }

    @GET
    @Path("/lookup/{lookupCode}")
    @Operation(summary = "A citizen's lookup by the short code on the appointment slip (no personal data)")
    public DossierView lookup(@PathParam("lookupCode") String lookupCode) {
        Dossier dossier = Dossier.findByLookupCode(lookupCode.trim().toUpperCase());
        if (dossier == null) {
            throw ProblemException.notFound("Lookup code " + lookupCode);
        }
        return DossierView.summary(dossier);
    }

    @POST
    @Path("/{code}/supplement-requests")
    @Operation(summary = "Request a supplement (form 02): the clock stops until it arrives")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView requestSupplement(@PathParam("code") String code, StepRequests.SupplementRequest body) {
        return lifecycle.requestSupplement(code, body);
    }

    @POST
    @Path("/{code}/supplement-received")
    @Operation(summary = "The supplement arrived: the clock restarts with the working days that were left")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView receiveSupplement(@PathParam("code") String code, StepRequests.SupplementReceived body) {
        return lifecycle.receiveSupplement(code, body);
    }

    @POST
    @Path("/{code}/apologies")
    @Operation(summary = "Apology with a new appointment (form 04); the dossier still counts as late")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView apologise(@PathParam("code") String code, StepRequests.Apology body) {
        return lifecycle.apologise(code, body);
    }

    @POST
    @Path("/{code}/result")
    @Operation(summary = "Record the result (APPROVED, or REFUSED as form 03); timeliness is computed")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView resolve(@PathParam("code") String code, StepRequests.Result body) {
        return lifecycle.resolve(code, body);
    }

    @POST
    @Path("/{code}/withdrawal")
    @Operation(summary = "The citizen withdraws the dossier")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView withdraw(@PathParam("code") String code, StepRequests.Withdrawal body) {
        return lifecycle.withdraw(code, body);
    }
}
