package vn.motcua.intake.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One token bucket per key (a client address): {@code burst} tokens, refilled at {@code perMinute}. At most
 * {@code maxKeys} buckets are kept, the least recently used forgotten first, so a flood of addresses cannot fill
 * memory; a forgotten address starts again with a full bucket. Time is given by the caller (nanoseconds).
 */
public final class TokenBuckets {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int burst;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    public TokenBuckets(int burst, int perMinute, int maxKeys) {
        if (burst < 1 || perMinute < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("burst, per-minute and addresses must be at least 1");
        }
        this.burst = burst;
        this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token for {@code key}: empty when granted, else how long until the next one. */
    public synchronized Optional<Duration> take(String key, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        long elapsed = Math.max(0, nowNanos - bucket.updatedAt);
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * tokensPerNano);
        bucket.updatedAt = nowNanos;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        long wait = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
        return Optional.of(Duration.ofNanos(wait));
    }

    synchronized int size() {
        return buckets.size();
    }
}
