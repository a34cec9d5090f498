package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay's settings. */
@ConfigMapping(prefix = "motcua.outbox")
public interface OutboxConfig {

    /** Rows published per transaction of the relay. */
    @WithDefault("500")
    int batchSize();

    /**
     * The relay is not live when its last finished cycle is older than this. A cycle takes a second at rest and at
     * most the producer's timeouts (some 15 s) while Kafka is away, so only a hung or dead relay gets this far.
     */
    @WithDefault("60S")
    Duration stallAfter();
}
