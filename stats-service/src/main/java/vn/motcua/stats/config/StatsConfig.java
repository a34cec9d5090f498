package vn.motcua.stats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code motcua.stats.*}: how the service consumes, how often it advances open dossiers through time, and when it
 * finishes what another instance left half-done.
 */
@ConfigMapping(prefix = "motcua.stats")
public interface StatsConfig {

    /**
     * The consumer group of dossier-events and deadline-alerts; a new group replays them from the start. The
     * catalogue is read by a group named after it, {@code <group>-catalogue-<random>}, new at every start.
     */
    @WithDefault("stats-service")
    String consumerGroup();

    /**
     * How often open dossiers are advanced to now (pending within the deadline → overdue at dueAt; carried into
     * each new quarter). The schedule of {@code app.TimeSweep} reads the key itself; mapped here so that a value
     * that is not a duration fails at startup.
     */
    @WithDefault("60s")
    Duration sweepEvery();

    /**
     * A pending delta older than this was left by an instance that crashed or stalled between its writes, and any
     * instance finishes it ({@code app.PendingFinisher}, which also runs this often). Far above the milliseconds a
     * change takes, so a live writer finishes its own.
     */
    @WithDefault("30s")
    Duration finishPendingAfter();

    /**
     * How often each instance reads the generations' control document (a rebuild from the topics: start its loops,
     * flip once it caught up, follow a flip made elsewhere). The schedule of {@code app.GenerationFollower} reads
     * the key itself; mapped here so that a value that is not a duration fails at startup.
     */
    @WithDefault("5s")
    Duration generationCheckEvery();

    /**
     * The period convention of a report that does not say ({@code cutoff=}): unset for calendar periods, {@code 15}
     * for the cut-off on the 15th (docs/time-and-counting.md, "Periods"). Any other value fails at startup.
     */
    Optional<String> defaultCutoff();
}
