package vn.motcua.stats.domain;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Which generation of the projection reports are served from, and which one (if any) is being rebuilt from the
 * topics beside it (docs/architecture.md, "Rebuild from the topic"). Generation 0 is the configured database and
 * consumer group as they always were; generation n > 0 is database {@code <db>-g<n>} and group {@code <group>-g<n>}.
 * {@code latest} is the highest generation ever started, so a number is never used twice, even after a rollback
 * by hand.
 */
public record GenerationState(long serving, Instant servingSince, Long building, Instant buildingSince, long latest) {

    /** No rebuild ever started: generation 0 served, as before generations existed. */
    public static final GenerationState INITIAL = new GenerationState(0, null, null, null, 0);

    /** What generation {@code n} appends to the configured database name and consumer group. */
    public static String suffix(long n) {
        return n == 0 ? "" : "-g" + n;
    }

    public OptionalLong buildingGeneration() {
        return building == null ? OptionalLong.empty() : OptionalLong.of(building);
    }

    public boolean isBuilding() {
        return building != null;
    }

    /** The number the next rebuild gets. */
    public long next() {
        return latest + 1;
    }
}
