package vn.motcua.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Identities of bearer tokens already verified, each kept until its token's own {@code exp} and never longer, at most
 * {@code maxEntries} of them. The key is the SHA-256 of the token, so the map holds no usable token as a key and the
 * same token always finds the same entry; the identity still carries its token, as every identity of quarkus-oidc
 * does. Only a verification that succeeded is kept, and only for a token that says when it expires.
 * <p>
 * Expiry is checked on every hit against {@code clock}: an entry is never taken at or after its {@code exp}, whenever
 * Caffeine gets round to dropping it. The clock must be the one the verifier reads (real time), not a service's
 * settable one.
 */
public final class VerifiedTokenCache {

    /** The name of the cache in the metrics ({@code cache_gets_total{cache="verified-tokens"}} and the like). */
    public static final String NAME = "verified-tokens";

    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    private final Clock clock;
    private final Cache<String, Verified> entries;

    public VerifiedTokenCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("motcua.tokens.cache.max-entries must be at least 1, not " + maxEntries);
        }
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.creating((String key, Verified verified) -> untilExpiry(verified)))
                // Caffeine's time is the same clock's, so that its expiry and the check on each hit agree.
                .ticker(() -> Duration.ofMillis(clock.millis()).toNanos())
                // Upkeep on the calling thread: a few map operations, not worth handing to another pool.
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /**
     * The identity this token was verified to, if it was and has not expired; otherwise what {@code verification}
     * answers, kept when it is an identity with an expiry. A failed verification passes through and is not kept.
     */
    public Uni<SecurityIdentity> identityFor(String token, Supplier<Uni<SecurityIdentity>> verification) {
        String key = digest(token);
        Verified verified = entries.getIfPresent(key);
        if (verified != null) {
            if (clock.instant().isBefore(verified.expiresAt())) {
                return Uni.createFrom().item(verified.identity());
            }
            entries.invalidate(key);
        }
        return verification.get().invoke(identity -> remember(key, identity));
    }

    /** How many tokens are kept now (after dropping the expired and the ones beyond the bound). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Hits, misses, size and evictions as Caffeine counts them: counts only, nothing of a token or its caller. */
    public void bindTo(MeterRegistry registry) {
        // A meter registered again under the same id answers the first one's object: the cache of an earlier start
        // in this JVM (tests, dev mode) that was not unbound would be read instead of this one.
        unbindFrom(registry);
        CaffeineCacheMetrics.monitor(registry, entries, NAME);
    }

    /** Removes this cache's meters, when the service stops. */
    public void unbindFrom(MeterRegistry registry) {
        registry.getMeters().stream().filter(meter -> NAME.equals(meter.getId().getTag("cache"))).toList()
                .forEach(registry::remove);
    }

    private void remember(String key, SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        long exp = token.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        Verified verified = new Verified(identity, Instant.ofEpochSecond(exp));
        if (clock.instant().isBefore(verified.expiresAt())) {
            entries.put(key, verified);
        }
    }

    private Duration untilExpiry(Verified verified) {
        Duration left = Duration.between(clock.instant(), verified.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
