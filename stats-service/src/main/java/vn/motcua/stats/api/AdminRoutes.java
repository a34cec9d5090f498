package vn.motcua.stats.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.api.Problem;
import vn.motcua.api.ProblemException;
import vn.motcua.stats.app.GenerationFollower;
import vn.motcua.stats.app.Generations;
import vn.motcua.stats.app.TimeSweep;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Operator actions, served on the management interface (port 9083, beside /q/*, never with the public reports) and
 * for the admin role only. The role is checked by the management interface's own permission
 * ({@code quarkus.management.auth.permission.admin} in application.properties) with the same bearer tokens as the
 * API, before any handler here runs: a refused call runs nothing. JAX-RS resources cannot live on that interface,
 * hence plain Vert.x routes; their refusals take the suite's problem+json shape here, as ProblemMappers give it on
 * the API port. Each acts on the generation being served (docs/architecture.md, "Rebuild from the topic").
 */
@ApplicationScoped
public class AdminRoutes {

    public static final String ROOT = "/api/stats/admin";
    private static final Logger LOG = Logger.getLogger(AdminRoutes.class);
    /**
     * Quarkus orders its security filters by minus their priority: authentication (200) at -200, the permission check
     * (100) at -100. In between, the caller's identity is known and nothing is authorised yet. AccessMatrixTest's
     * 401 rows fail if an upgrade moves them.
     */
    private static final int BETWEEN_AUTHENTICATION_AND_AUTHORIZATION = -150;

    private final Generations generations;
    private final GenerationFollower follower;
    private final TimeSweep sweep;
    private final ObjectMapper json;

    AdminRoutes(Generations generations, GenerationFollower follower, TimeSweep sweep, ObjectMapper json) {
        this.generations = generations;
        this.follower = follower;
        this.sweep = sweep;
        this.json = json;
    }

    void register(@Observes ManagementInterface management) {
        Router router = management.router();
        router.route(ROOT + "/*").order(BETWEEN_AUTHENTICATION_AND_AUTHORIZATION).handler(this::authenticated);
        router.route(ROOT + "/*").failureHandler(this::refused);
        // Recomputes every total from the served generation's projection; dryRun=true reports the differences only.
        router.post(ROOT + "/rebuild").blockingHandler(answer(rc -> generations.serving().rebuild().run(dryRun(rc))),
                false);
        // Runs the time sweep of the served generation now (it also runs on a schedule).
        router.post(ROOT + "/sweep").blockingHandler(answer(rc -> Map.of("advanced", sweep.run())), false);
        // Starts a new generation from the topics (409 while one is being built); served once it has caught up.
        router.post(ROOT + "/rebuild-from-topic").blockingHandler(rc -> {
            generations.startBuilding();
            try {
                follower.follow(); // this instance starts its loops now; the others at their next look
            } catch (RuntimeException e) {
                LOG.warn("the rebuild started; this instance's timer starts its loops at its next look: " + e);
            }
            send(rc, 202, "application/json", follower.status());
        }, false);
        // The generation served and the one being built, with its group's progress per partition.
        router.get(ROOT + "/rebuild-from-topic").blockingHandler(answer(rc -> follower.status()), false);
    }

    /**
     * No token, or one that does not verify (expired, forged, another issuer): 401 problem+json here, because the
     * permission check would answer the bearer challenge with an empty body. A verified caller goes on to it.
     */
    private void authenticated(RoutingContext rc) {
        // Quarkus' own handler of a failed authentication would send that empty challenge first.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (context, failure) -> {
        });
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        rc.fail(new UnauthorizedException());
                    } else {
                        rc.next();
                    }
                },
                failure -> rc.fail(new AuthenticationFailedException(failure)));
    }

    /** As JAX-RS reads a boolean query parameter: true only for "true", in any case. */
    private static boolean dryRun(RoutingContext rc) {
        return Boolean.parseBoolean(rc.queryParams().get("dryRun"));
    }

    private Handler<RoutingContext> answer(Function<RoutingContext, Object> action) {
        return rc -> send(rc, 200, "application/json", action.apply(rc));
    }

    private void refused(RoutingContext rc) {
        Throwable failure = rc.failure();
        ProblemException problem;
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || rc.statusCode() == 401) {
            problem = ProblemException.unauthenticated("A valid bearer token of an admin is required.");
        } else if (failure instanceof ForbiddenException || rc.statusCode() == 403) {
            problem = ProblemException.forbidden("Only an admin may run this.");
        } else if (failure instanceof ProblemException refused) {
            problem = refused;
        } else {
            problem = new ProblemException(500, "Internal error", "The operation failed; see the service's log.",
                    List.of());
        }
        problem.headers().forEach(rc.response()::putHeader);
        send(rc, problem.status(), Problem.MEDIA_TYPE, problem.toProblem(rc.normalizedPath()));
    }

    private void send(RoutingContext rc, int status, String type, Object body) {
        if (rc.response().ended()) {
            return;
        }
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", type).end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
