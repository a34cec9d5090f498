package vn.motcua.intake.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.TokenBuckets;

import java.time.Duration;
import java.util.Optional;

/**
 * The citizen's lookup needs no login, so it is limited per client address ({@code motcua.intake.lookup-limit.*}):
 * guessing lookup codes is slow, and one address cannot hold the database busy. The JSON lookup and the status page
 * take from the same bucket. In memory: each instance limits on its own, and a restart forgets. Behind a reverse
 * proxy, the address is the proxy's unless {@code quarkus.http.proxy.proxy-address-forwarding} is set (only when the
 * proxy overwrites X-Forwarded-For).
 */
@ApplicationScoped
class LookupLimiter {

    private final TokenBuckets buckets;

    LookupLimiter(IntakeConfig config) {
        IntakeConfig.LookupLimit limit = config.lookupLimit();
        this.buckets = new TokenBuckets(limit.burst(), limit.perMinute(), limit.addresses());
    }

    /** Takes a lookup for the request's address: empty when granted, else the wait in whole seconds, at least 1. */
    Optional<Duration> tryTake(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return buckets.take(address, System.nanoTime())
                .map(wait -> Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }

    /** As {@link #tryTake}, refused as problem+json: 429 with Retry-After. */
    void take(HttpServerRequest request) {
        tryTake(request).ifPresent(retryAfter -> {
            throw ProblemException.tooManyRequests("Too many lookups from your address; try again in "
                    + retryAfter.toSeconds() + " s.", retryAfter);
        });
    }
}
