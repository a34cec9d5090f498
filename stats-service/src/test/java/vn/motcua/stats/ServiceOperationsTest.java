package vn.motcua.stats;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.events.EventCodec;
import vn.motcua.stats.domain.Contributions;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.Observation;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.messaging.StatsConsumer;
import vn.motcua.stats.messaging.StatsConsumerLiveness;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.testkit.InfrastructureResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * What operators rely on in the running service: a liveness check and gauges per consumer loop, and the scheduled
 * job that finishes what a stopped instance left pending (here every second instead of every 30).
 */
@QuarkusTest
@TestProfile(ServiceOperationsTest.FinishPendingEverySecond.class)
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"))
class ServiceOperationsTest {

    public static final class FinishPendingEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.stats.finish-pending-after", "1s");
        }
    }

    @Inject
    DossierStore dossiers;
    @Inject
    TotalsStore totals;

    @Test
    void everyConsumerLoopHasALivenessCheck() {
        ServiceReady.await();
        for (String loop : List.of(StatsConsumerLiveness.TOTALS, StatsConsumerLiveness.CATALOGUE)) {
            String check = "checks.find { it.name == '" + loop + "' }";
            RestAssured.get(Management.url("/q/health/live")).then().statusCode(200)
                    .body(check + ".status", is("UP"))
                    .body(check + ".data.maxSilenceMillis", is(60_000));
        }
    }

    @Test
    void everyConsumerLoopHasItsGauges() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = RestAssured.get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
            for (String loop : List.of(StatsConsumer.TOTALS_LOOP, StatsConsumer.CATALOGUE_LOOP)) {
                assertThat(metrics).contains("motcua_consumer_lag_records{loop=\"" + loop + "\"")
                        .contains("motcua_consumer_last_poll_age_seconds{loop=\"" + loop + "\"");
            }
        });
    }

    @Test
    void aDeltaAStoppedInstanceLeftPendingIsFinishedOnSchedule() {
        History history = new HistoryGenerator(5, Instant.parse("2023-01-10T00:00:00Z")).generate("LEFT", 1).get(0);
        Events.Outgoing received = Events.of(history).get(0);
        DossierRecord dossier = DossierRecord.empty(history.code()).withObservation(
                Observation.of(received.event(), EventCodec.dossierData(received.event())));
        TotalsDelta delta = TotalsDelta.of(history.code(), 1, Contributions.of(dossier.facts()));
        // Written an hour ago by an instance that stopped before any totals document took it.
        assertThat(dossiers.save(dossier, dossier.facts(), delta, Instant.now().minus(Duration.ofHours(1)))).isTrue();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dossiers.find(history.code()).orElseThrow().pending() == null);
        assertThat(delta.changes()).isNotEmpty();
        assertThat(totals.all()).containsKeys(delta.changes().keySet().toArray(TotalsKey[]::new));
    }
}
