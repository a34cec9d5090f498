package vn.motcua.stats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The {@code motcua.consumer.*} keys, as in the other services: how a consumer loop's liveness is judged. */
@ConfigMapping(prefix = "motcua.consumer")
public interface ConsumerLoopConfig {

    /**
     * A loop is not live when no poll has returned for this long: above its own longest waits (30 s between
     * attempts to rejoin, 10 s for a commit), so only a stuck or dead loop gets this far.
     */
    @WithDefault("60s")
    Duration maxSilence();
}
