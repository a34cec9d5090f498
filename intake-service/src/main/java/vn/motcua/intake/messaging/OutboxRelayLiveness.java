package vn.motcua.intake.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when the relay's thread died or has not finished a cycle for {@code motcua.outbox.stall-after}: then nothing
 * of the outbox reaches Kafka until the process restarts. Kafka or the database being away does not count: the relay
 * keeps cycling through both.
 */
@Liveness
@Singleton
public class OutboxRelayLiveness implements HealthCheck {

    public static final String NAME = "intake-service outbox relay";

    private final OutboxRelay relay;

    OutboxRelayLiveness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        RelayHeartbeat heartbeat = relay.heartbeat();
        long now = System.nanoTime();
        boolean relaying = relay.isRelaying();
        return HealthCheckResponse.named(NAME).status(relaying && !heartbeat.stalled(now))
                .withData("threadAlive", relaying)
                .withData("secondsSinceLastCycle", heartbeat.sinceLastCycle(now).toSeconds())
                .withData("stallAfterSeconds", heartbeat.stallAfter().toSeconds())
                .build();
    }
}
