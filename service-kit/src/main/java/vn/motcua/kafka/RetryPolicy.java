package vn.motcua.kafka;

import java.time.Duration;

/**
 * How often the consumer loop tries a record whose handler throws before it gives the record up to the
 * dead-letter topic, and how long it waits between tries (doubling from {@code firstBackoff} up to
 * {@code maxBackoff}). Bounded so that one poisoned record cannot block its partition for ever.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /**
     * Ten attempts, 1 s doubling to 30 s apart: about two and a half minutes, so that a database restarting or a
     * broker failing over does not send good records to the dead-letter topic, while a poisoned one still moves on.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= firstBackoff <= maxBackoff");
        }
    }

    /** The wait after the given failed attempt (1-based). */
    public Duration backoff(int failedAttempt) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failedAttempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
