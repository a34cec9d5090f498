package vn.motcua.intake.messaging;

import io.smallrye.health.api.Wellness;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import vn.motcua.intake.app.OutboxBacklog;

/**
 * Informational, in the wellness group ({@code /q/health/well}, and {@code /q/health}): never in readiness, because
 * a backlog is what the outbox is for while Kafka is away, and intake must go on taking dossiers then. UP while the
 * relay's thread runs; its data say how much waits and for how long.
 */
@Wellness
@Singleton
public class OutboxHealth implements HealthCheck {

    public static final String NAME = "intake-service outbox";

    private final OutboxRelay relay;
    private final OutboxBacklog backlog;

    OutboxHealth(OutboxRelay relay, OutboxBacklog backlog) {
        this.relay = relay;
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(relay.isRelaying());
        backlog.current().ifPresentOrElse(
                reading -> response.withData("backlog", reading.rows())
                        .withData("oldestUnsentSeconds", reading.oldestUnsentAge().toSeconds()),
                () -> response.withData("backlog", "unknown: the database did not answer"));
        return response.build();
    }
}
