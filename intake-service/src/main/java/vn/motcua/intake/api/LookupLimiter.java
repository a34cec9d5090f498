package vn.motcua.intake.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.api.ProblemException;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.ClientAddresses;
import vn.motcua.intake.domain.TokenBuckets;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The citizen's lookup needs no login, so it is limited per client address ({@code motcua.intake.lookup-limit.*}):
 * guessing lookup codes is slow, and one address cannot hold the database busy. The JSON lookup and the status page
 * take from the same bucket. In memory: each instance limits on its own, and a restart forgets. The address is the
 * socket's, or behind {@code motcua.intake.lookup-limit.trusted-proxies} the client X-Forwarded-For names; an IPv6
 * client counts by its /64 ({@link ClientAddresses}). Above the addresses, a ceiling for all of them together
 * ({@code global-burst}, {@code global-per-minute}) bounds a flood spread over many addresses.
 */
@ApplicationScoped
class LookupLimiter {

    private static final String ALL = "all";

    private final TokenBuckets buckets;
    private final TokenBuckets ceiling;
    private final ClientAddresses addresses;

    LookupLimiter(IntakeConfig config) {
        IntakeConfig.LookupLimit limit = config.lookupLimit();
        this.buckets = new TokenBuckets(limit.burst(), limit.perMinute(), limit.addresses());
        this.ceiling = new TokenBuckets(limit.globalBurst(), limit.globalPerMinute(), 1);
        this.addresses = new ClientAddresses(limit.trustedProxies().orElse(List.of()).stream()
                .map(ClientAddresses.Network::parse).toList());
    }

    /** Takes a lookup for the request's address: empty when granted, else the wait in whole seconds, at least 1. */
    Optional<Duration> tryTake(HttpServerRequest request) {
        return tryTake(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"));
    }

    Optional<Duration> tryTake(String socket, String forwardedFor) {
        String address = addresses.keyOf(socket, forwardedFor);
        long now = System.nanoTime();
        // The address's own bucket first: an address over its limit does not use up everybody's ceiling.
        Optional<Duration> wait = buckets.take(address, now);
        if (wait.isEmpty()) {
            wait = ceiling.take(ALL, now);
        }
        return wait.map(w -> Duration.ofSeconds(Math.max(1, (w.toMillis() + 999) / 1000)));
    }

    /** As {@link #tryTake}, refused as problem+json: 429 with Retry-After. */
    void take(HttpServerRequest request) {
        tryTake(request).ifPresent(retryAfter -> {
            throw ProblemException.tooManyRequests("Too many lookups from your address; try again in "
                    + retryAfter.toSeconds() + " s.", retryAfter);
        });
    }
}
