package vn.motcua.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The {@code motcua.consumer.*} keys every service shares: how a consumer loop's liveness is judged. */
@ConfigMapping(prefix = "motcua.consumer")
public interface ConsumerSettings {

    /**
     * A loop is not live when no poll has returned for this long: above the loop's own longest waits (30 s between
     * attempts to rejoin, 10 s for a client call or a commit), so only a stuck or dead loop gets this far.
     */
    @WithDefault("60s")
    Duration maxSilence();
}
