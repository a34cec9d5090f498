package vn.motcua.intake.api;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.app.DossierIntake;
import vn.motcua.intake.app.DossierLifecycle;
import vn.motcua.intake.app.DossierReading;
import vn.motcua.intake.app.PersonalDataErasure;
import vn.motcua.intake.domain.LookupCodes;
import vn.motcua.intake.store.Dossier;
import vn.motcua.security.CurrentCaller;
import vn.motcua.security.Roles;

@Path("/api/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers", description = "Hồ sơ: intake at kiosks and counters, and each later step")
public class DossierResource {

    private final DossierIntake intake;
    private final DossierLifecycle lifecycle;
    private final DossierReading reading;
    private final CurrentCaller caller;
    private final LookupLimiter lookupLimiter;
    private final SlipPages slips;
    private final PersonalDataErasure erasure;

    DossierResource(DossierIntake intake, DossierLifecycle lifecycle, DossierReading reading, CurrentCaller caller,
                    LookupLimiter lookupLimiter, SlipPages slips, PersonalDataErasure erasure) {
        this.erasure = erasure;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.reading = reading;
        this.caller = caller;
        this.lookupLimiter = lookupLimiter;
        this.slips = slips;
    }

    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.ADMIN})
    @POST
    @Operation(summary = "Receive a dossier; answers the appointment slip (form 01)", description = Who.RECEIVE)
    @APIResponse(responseCode = "201", description = "Received; Location names the dossier, Link rel=\"slip\" its "
            + "printable appointment slip")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (problem+json names it)")
    @APIResponse(responseCode = "409", description = "The client's dossierCode exists with other content")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response receive(
            @Parameter(description = "Makes a kiosk's retry harmless: the same key and body answer the first result")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ReceiveRequest request, UriInfo uri) {
        Dossier dossier = intake.receive(request == null ? null : request.submission(), idempotencyKey, caller.get());
        return Response.created(uri.getBaseUriBuilder().path("api/dossiers/{code}").build(dossier.code))
                .link(uri.getBaseUriBuilder().path("api/dossiers/{code}/slip").build(dossier.code), "slip")
                .entity(DossierView.summary(dossier)).build();
    }

    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    @Path("/{code}")
    @Operation(summary = "A dossier's state and history (who recorded each step, and when)", description = Who.READ)
    public DossierView get(@PathParam("code") String code) {
        DossierReading.Read read = reading.read(code, caller.get());
        return read.history() == null ? DossierView.summary(read.dossier())
                : DossierView.withHistory(read.dossier(), read.history(), read.showsApplicant());
    }

    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    @Path("/{code}/slip")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "The appointment slip (form 01) to print: A4 HTML with the status page's QR code",
            description = Who.SLIP)
    public TemplateInstance slip(@PathParam("code") String code) {
        DossierReading.Read read = reading.readSlip(code, caller.get());
        return slips.of(read.dossier(), read.showsApplicant());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{code}/erasure")
    @Consumes(MediaType.WILDCARD) // no body: a bare POST with or without a content type
    @Operation(summary = "Erase the applicant's personal data on the citizen's request (the dossier stays); "
            + "asked again, answers the first erasure", description = Who.ERASE)
    public ErasureView erase(@PathParam("code") String code) {
        return ErasureView.of(erasure.eraseOnRequest(code, caller.get()));
    }

    @PermitAll
    @GET
    @Path("/lookup/{lookupCode}")
    @Operation(summary = "A citizen's lookup by the short code on the appointment slip", description = Who.LOOKUP)
    @APIResponse(responseCode = "429", description = "Too many lookups from this address; Retry-After says when")
    public LookupView lookup(@PathParam("lookupCode") String lookupCode, @Context HttpServerRequest request) {
        lookupLimiter.take(request);
        return LookupCodes.normalised(lookupCode).flatMap(Dossier::findByLookupCode).map(LookupView::of)
                .orElseThrow(() -> ProblemException.notFound("Lookup code " + lookupCode));
    }

    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @POST
    @Path("/{code}/supplement-requests")
    @Operation(description = Who.STEP,
            summary = "Request a supplement (form 02): the clock stops until it arrives")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView requestSupplement(@PathParam("code") String code, StepRequests.SupplementRequest body) {
        StepRequests.SupplementRequest step = body == null ? new StepRequests.SupplementRequest(null, null) : body;
        return DossierView.summary(lifecycle.requestSupplement(code, step.requestedAt(), step.reason(), caller.get()));
    }

    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @POST
    @Path("/{code}/supplement-received")
    @Operation(description = Who.STEP,
            summary = "The supplement arrived: the clock restarts with the working days that were left")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView receiveSupplement(@PathParam("code") String code, StepRequests.SupplementReceived body) {
        return DossierView.summary(lifecycle.receiveSupplement(code, body == null ? null : body.receivedAt(),
                caller.get()));
    }

    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @POST
    @Path("/{code}/apologies")
    @Operation(description = Who.STEP,
            summary = "Apology with a new appointment (form 04); the dossier still counts as late")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView apologise(@PathParam("code") String code, StepRequests.Apology body) {
        StepRequests.Apology step = body == null ? new StepRequests.Apology(null, null, null) : body;
        return DossierView.summary(lifecycle.apologise(code, step.issuedAt(), step.newAppointmentAt(), step.reason(),
                caller.get()));
    }

    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @POST
    @Path("/{code}/result")
    @Operation(description = Who.STEP,
            summary = "Record the result (APPROVED, or REFUSED as form 03) and how it reached the applicant; "
            + "timeliness and the working days of handling are computed")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView resolve(@PathParam("code") String code, StepRequests.Result body) {
        StepRequests.Result step = body == null ? new StepRequests.Result(null, null, null) : body;
        return DossierView.summary(lifecycle.resolve(code, step.resolvedAt(), step.decision(), step.resultDelivery(),
                caller.get()));
    }

    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @POST
    @Path("/{code}/withdrawal")
    @Operation(description = Who.STEP,
            summary = "The citizen withdraws the dossier")
    @APIResponse(responseCode = "409", description = "The dossier's state does not allow it")
    public DossierView withdraw(@PathParam("code") String code, StepRequests.Withdrawal body) {
        return DossierView.summary(lifecycle.withdraw(code, body == null ? null : body.withdrawnAt(), caller.get()));
    }
}
