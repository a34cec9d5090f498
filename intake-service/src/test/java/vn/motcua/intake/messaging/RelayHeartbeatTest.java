package vn.motcua.intake.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RelayHeartbeatTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void stalledOnlyWhenTheLastCycleIsOlderThanTheLimit() {
        RelayHeartbeat heartbeat = new RelayHeartbeat(Duration.ofSeconds(60), 1_000 * SECOND);

        assertThat(heartbeat.stalled(1_060 * SECOND)).isFalse();
        assertThat(heartbeat.stalled(1_060 * SECOND + 1)).isTrue();
        assertThat(heartbeat.sinceLastCycle(1_030 * SECOND)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFinishedCycleStartsTheCountAgain() {
        RelayHeartbeat heartbeat = new RelayHeartbeat(Duration.ofSeconds(60), 0);

        heartbeat.beat(100 * SECOND);

        assertThat(heartbeat.stalled(150 * SECOND)).isFalse();
        assertThat(heartbeat.sinceLastCycle(150 * SECOND)).isEqualTo(Duration.ofSeconds(50));
    }
}
