package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The {@code motcua.consumer.*} keys: how the catalogue loop's liveness is judged. */
@ConfigMapping(prefix = "motcua.consumer")
public interface ConsumerLoopConfig {

    /**
     * The loop is not live when no poll has returned for this long: above its own longest waits (30 s between
     * attempts to rejoin, 10 s for a client call), so only a stuck or dead loop gets this far.
     */
    @WithDefault("60s")
    Duration maxSilence();
}
