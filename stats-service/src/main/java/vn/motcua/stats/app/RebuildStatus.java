package vn.motcua.stats.app;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/stats/admin/rebuild-from-topic} answers: the generation served, and the one being rebuilt
 * from the topics with its whole group's progress per partition of dossier-events and deadline-alerts. Made by
 * {@link GenerationFollower}, which flips on the same figures ({@link #caughtUp}).
 */
public record RebuildStatus(long serving, String servingGroup, Instant servingSince, Building building) {

    /** Every partition read to its end (a topic without partitions cannot be: then false). */
    public static boolean caughtUp(List<Partition> partitions) {
        return !partitions.isEmpty() && partitions.stream().allMatch(p -> p.lag() == 0);
    }

    /**
     * {@code recordsRead}: the group's committed offsets summed (records applied, dead-lettered or skipped);
     * {@code progressError} when the broker could not be asked (the figures are then empty).
     */
    public record Building(long generation, String consumerGroup, Instant startedAt, long lag, long recordsRead,
                           boolean caughtUp, List<Partition> partitions, String progressError) {
    }

    /** One partition: the group's next record to read ({@code committed}), the partition's end, the difference. */
    public record Partition(String topic, int partition, long committed, long end, long lag) {
    }
}
