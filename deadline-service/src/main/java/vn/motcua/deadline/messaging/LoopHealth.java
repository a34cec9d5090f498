package vn.motcua.deadline.messaging;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import vn.motcua.events.kafka.EventConsumerLoop;

import java.util.Set;

/** How every consumer loop of the service reports in /q/health: UP while its thread runs, with how far it read. */
final class LoopHealth {

    private LoopHealth() {
    }

    /** @param loop null before the loop started or after it stopped: DOWN */
    static HealthCheckResponse of(String name, EventConsumerLoop loop) {
        return HealthCheckResponse.named(name)
                .status(loop != null && loop.isRunning())
                .withData("partitions", loop == null ? 0 : loop.assignment().size())
                .withData("caughtUp", caughtUp(loop))
                .build();
    }

    /** True once the loop owns partitions and has read each to the end it had at its last poll. */
    static boolean caughtUp(EventConsumerLoop loop) {
        if (loop == null) {
            return false;
        }
        Set<TopicPartition> assigned = loop.assignment();
        return !assigned.isEmpty() && assigned.stream().allMatch(loop::isCaughtUp);
    }
}
