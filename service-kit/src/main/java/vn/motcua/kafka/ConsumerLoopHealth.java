package vn.motcua.kafka;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How every consumer loop of the suite reports in /q/health. Readiness: UP while the loop's thread runs, with how
 * far it has read. Liveness: UP while the thread runs and a poll returned within {@code maxSilence}, so a loop stuck
 * in a call, not only a dead one, gets the process restarted.
 *
 * <p>A null loop (not started yet, or stopped) is DOWN. Responses are built with the health API's own constructor,
 * which needs no provider, so the rules are testable without a container.
 */
public final class ConsumerLoopHealth {

    private ConsumerLoopHealth() {
    }

    /** Data: {@code partitions} owned now, {@code caughtUp} as {@link #caughtUp(EventConsumerLoop)}. */
    public static HealthCheckResponse readiness(String name, EventConsumerLoop loop) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partitions", loop == null ? 0L : (long) loop.assignment().size());
        data.put("caughtUp", caughtUp(loop));
        return new HealthCheckResponse(name, status(loop != null && loop.isRunning()), Optional.of(data));
    }

    /** Data: {@code millisSinceLastPoll} (absent without a loop) and the {@code maxSilenceMillis} allowed. */
    public static HealthCheckResponse liveness(String name, EventConsumerLoop loop, Duration maxSilence) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (loop != null) {
            data.put("millisSinceLastPoll", loop.millisSinceLastPoll());
        }
        data.put("maxSilenceMillis", maxSilence.toMillis());
        return new HealthCheckResponse(name, status(loop != null && loop.isAlive(maxSilence)), Optional.of(data));
    }

    /** True once the loop owns partitions and had read each to the end the broker had at its last poll. */
    public static boolean caughtUp(EventConsumerLoop loop) {
        if (loop == null || !loop.isRunning()) {
            return false;
        }
        Set<TopicPartition> assigned = loop.assignment();
        return !assigned.isEmpty() && assigned.stream().allMatch(loop::isCaughtUp);
    }

    private static Status status(boolean up) {
        return up ? Status.UP : Status.DOWN;
    }
}
