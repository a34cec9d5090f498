package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay's settings. */
@ConfigMapping(prefix = "motcua.outbox")
public interface OutboxConfig {

    /** Rows published per transaction of the relay. */
    @WithDefault("500")
    int batchSize();
}
