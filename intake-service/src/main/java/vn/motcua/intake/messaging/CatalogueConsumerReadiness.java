package vn.motcua.intake.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this instance reads the catalogue topic: without it, another instance's calendar change would not
 * reach the due dates computed here.
 */
@Readiness
@Singleton
public class CatalogueConsumerReadiness implements HealthCheck {

    public static final String NAME = "intake-service catalogue consumer";

    private final CatalogueConsumer consumer;

    CatalogueConsumerReadiness(CatalogueConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(consumer.isReady())
                .withData("partitions", consumer.partitionCount()).build();
    }
}
