package vn.motcua.stats.support;

import vn.motcua.testkit.Management;
import vn.motcua.stats.messaging.StatsConsumerReadiness;
import vn.motcua.testkit.Readiness;

import java.time.Duration;

/**
 * Waits for the running service's readiness (on the management port), which includes a first read of the catalogue
 * to its end.
 */
public final class ServiceReady {

    private ServiceReady() {
    }

    public static void await() {
        // No first delay: the service is mostly up already, and a table of calls waits here once per call.
        org.awaitility.Awaitility.await("readiness").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> Management.onManagementPort(() -> Readiness.assertUp(StatsConsumerReadiness.NAME)));
    }
}
