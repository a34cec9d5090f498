package vn.motcua.intake.api;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.TokenBuckets;

import java.time.Duration;

/**
 * The citizen's lookup needs no login, so it is limited per client address ({@code motcua.intake.lookup-limit.*}):
 * guessing lookup codes is slow, and one address cannot hold the database busy. In memory: each instance limits
 * on its own, and a restart forgets. Behind a reverse proxy, the address is the proxy's unless
 * {@code quarkus.http.proxy.proxy-address-forwarding} is set (only when the proxy overwrites X-Forwarded-For).
 */
@ApplicationScoped
class LookupLimiter {

    private final TokenBuckets buckets;

    LookupLimiter(IntakeConfig config) {
        IntakeConfig.LookupLimit limit = config.lookupLimit();
        this.buckets = new TokenBuckets(limit.burst(), limit.perMinute(), limit.addresses());
    }

    /** Refuses (429, Retry-After in whole seconds, at least 1) when {@code address} has no lookup left. */
    void take(String address) {
        buckets.take(address == null ? "unknown" : address, System.nanoTime()).ifPresent(wait -> {
            Duration retryAfter = Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
            throw ProblemException.tooManyRequests("Too many lookups from your address; try again in "
                    + retryAfter.toSeconds() + " s.", retryAfter);
        });
    }
}
