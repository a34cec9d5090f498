package vn.motcua.stats.api;

import vn.motcua.testkit.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.config.TopicsConfig;
import vn.motcua.events.EventCodec;
import vn.motcua.stats.app.GenerationFollower;
import vn.motcua.stats.app.TimeSweep;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.messaging.StatsConsumer;
import vn.motcua.stats.messaging.StatsConsumerLiveness;
import vn.motcua.stats.store.StatsDatabase;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.Form06;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Recount;
import vn.motcua.stats.support.ServiceReady;
import vn.motcua.stats.support.TestClock;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Management;
import vn.motcua.testkit.TestBed;
import vn.motcua.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The admin's rebuild from the topics in the running service (docs/architecture.md, "Rebuild from the topic"):
 * started on the management port by an admin only, one at a time; reports stay on generation 0 (with a total
 * planted wrong there) while generation 1 is built and after it caught up, until the control timer flips it; then
 * they are generation 1's, equal to the recount. The timer is the test's here ({@link GenerationFollower#follow()}), so
 * that "caught up, not served yet" can be seen; RebuildFromTopicTest covers several instances and a kill.
 */
@QuarkusTest
@TestProfile(RebuildFromTopicServiceTest.TimerDrivenByTheTest.class)
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,mongo"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RebuildFromTopicServiceTest {

    public static final class TimerDrivenByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.stats.generation-check-every", "1h");
        }
    }

    static final Instant NOW = OffsetDateTime.parse("2023-11-15T10:00:00+07:00").toInstant();
    static final String ROUTE = "/api/stats/admin/rebuild-from-topic";
    static final TotalsKey PLANTED = new TotalsKey("SADEC-P1", "1.001612", "2023");
    static final List<String> PERIODS = List.of("2022-H1", "2022", "2023-H1", "2023-Q4", "2023");

    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @Inject
    TopicsConfig topics;
    @Inject
    TestClock clock;
    @Inject
    TimeSweep sweep;
    @Inject
    StatsDatabase database;
    @Inject
    GenerationFollower follower;

    @Test
    void anAdminRebuildsFromTheTopicsAndReportsMoveToTheNewGenerationOnceItCaughtUp() throws Exception {
        clock.set(NOW);
        ServiceReady.await();
        Catalogue.publishAndAwait(kafkaAdmin, topics.catalogue(), Catalogue.SA_DEC);
        List<History> histories = new HistoryGenerator(17, NOW).generate("GEN", 200);
        try (Producer<String, byte[]> producer = Events.producer(kafkaAdmin)) {
            Events.send(producer, topics.dossierEvents(), topics.deadlineAlerts(), Events.of(histories));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            sweep.run();
            assertThat(report("2023")).isEqualTo(recount(histories, "2023"));
        });
        Counts wrong = new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, 1000).add(Counter.PENDING_OVERDUE, 1000);
        new TotalsStore(database.get()).adjust(PLANTED, wrong);
        assertThat(report("2023").overdue()).as("generation 0 answers, planted total included")
                .isEqualTo(recount(histories, "2023").overdue() + 1000);

        post(null).then().statusCode(401).contentType("application/problem+json");
        post(TestTokens.user("clerk-p1", "clerk", "SADEC-P1")).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(follower.status().building()).as("a refused call starts nothing").isNull();

        post(admin()).then().statusCode(202).body("serving", is(0)).body("building.generation", is(1))
                .body("building.consumerGroup", is("stats-service-g1"));
        post(admin()).then().statusCode(409).contentType("application/problem+json").body("status", is(409));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                status().then().statusCode(200).body("building.caughtUp", is(true)));
        status().then().body("serving", is(0)).body("building.partitions.size()", is(2 * TestBed.PARTITIONS))
                .body("building.lag", is(0)).body("building.recordsRead", is(Events.of(histories).size()));
        assertThat(report("2023").overdue()).as("caught up, not flipped yet: still generation 0")
                .isEqualTo(recount(histories, "2023").overdue() + 1000);
        String building = "checks.find { it.name == '" + StatsConsumerLiveness.TOTALS_BUILDING + "' }";
        RestAssured.get(Management.url("/q/health/live")).then()
                .body(building + ".status", is("UP")).body(building + ".data.maxSilenceMillis", is(60_000));
        assertThat(metrics()).contains("loop=\"" + StatsConsumer.TOTALS_LOOP + StatsConsumer.BUILDING + "\"")
                .contains("loop=\"" + StatsConsumer.CATALOGUE_LOOP + StatsConsumer.BUILDING + "\"");

        assertThat(follower.follow()).as("the control timer flips").isTrue();
        status().then().statusCode(200).body("serving", is(1)).body("servingGroup", is("stats-service-g1"))
                .body("building", nullValue());
        for (String period : PERIODS) {
            assertThat(report(period)).as(period).isEqualTo(recount(histories, period));
        }
        assertThat(new TotalsStore(database.get()).all().get(PLANTED).get(Counter.PENDING_OVERDUE))
                .as("generation 0 is left as it was").isGreaterThanOrEqualTo(1000);
        RestAssured.given().header("Authorization", "Bearer " + admin()).post(Management.url(
                AdminRoutes.ROOT + "/rebuild?dryRun=true")).then().statusCode(200).body("differences.size()", is(0));
        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200)
                .body(building + ".data.building", is(false));
        assertThat(metrics()).doesNotContain(StatsConsumer.BUILDING + "\"")
                .contains("loop=\"" + StatsConsumer.TOTALS_LOOP + "\"");
    }

    private static String admin() {
        return TestTokens.user("admin-1", "admin");
    }

    private static Response post(String token) {
        var request = RestAssured.given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post(Management.url(ROUTE));
    }

    private static Response status() {
        return RestAssured.given().header("Authorization", "Bearer " + admin()).get(Management.url(ROUTE));
    }

    private static String metrics() {
        return RestAssured.get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
    }

    private static Form06 report(String period) throws Exception {
        String body = RestAssured.get("/api/stats/reports/" + period).then().statusCode(200).extract().asString();
        return Form06.of(EventCodec.mapper().readValue(body, PeriodReport.class));
    }

    private static Form06 recount(List<History> histories, String period) {
        Period p = Period.parse(period).orElseThrow();
        return Recount.count(histories, Set.copyOf(HistoryGenerator.UNITS), p.from(), p.to(), NOW);
    }
}
