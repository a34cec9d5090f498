package vn.motcua.intake.messaging;

import java.time.Duration;

/**
 * When the outbox relay last finished a cycle, sent or not, on the monotonic clock (nanoseconds as given): a relay
 * that keeps cycling while Kafka is away is alive; one stuck in a cycle longer than {@code stallAfter} is not.
 */
final class RelayHeartbeat {

    private final Duration stallAfter;
    private volatile long lastCycleNanos;

    RelayHeartbeat(Duration stallAfter, long nowNanos) {
        this.stallAfter = stallAfter;
        this.lastCycleNanos = nowNanos;
    }

    void beat(long nowNanos) {
        lastCycleNanos = nowNanos;
    }

    Duration sinceLastCycle(long nowNanos) {
        return Duration.ofNanos(Math.max(0, nowNanos - lastCycleNanos));
    }

    boolean stalled(long nowNanos) {
        return sinceLastCycle(nowNanos).compareTo(stallAfter) > 0;
    }

    Duration stallAfter() {
        return stallAfter;
    }
}
