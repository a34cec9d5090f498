package vn.motcua.deadline;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.deadline.messaging.AlertStreamConsumerReadiness;
import vn.motcua.deadline.messaging.CatalogueConsumerReadiness;
import vn.motcua.deadline.messaging.DossierEventsConsumerReadiness;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.ReadinessChecks;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ReadinessTest {

    private static final List<String> LOOPS = List.of(DossierEventsConsumerReadiness.NAME, CatalogueConsumerReadiness.NAME,
            AlertStreamConsumerReadiness.NAME);

    @Inject
    DataSource dataSource;
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** Health and metrics answer on the management interface (testkit's Readiness asks RestAssured's port). */
    private int applicationPort;

    @BeforeEach
    void managementPort() {
        applicationPort = RestAssured.port;
        RestAssured.port = management.getPort();
    }

    @AfterEach
    void applicationPortAgain() {
        RestAssured.port = applicationPort;
    }

    @Test
    void readyAgainstRealInfrastructure() {
        Readiness.assertUp(ReadinessChecks.KAFKA, ReadinessChecks.DATABASE);
    }

    @Test
    void everyConsumerLoopHasALivenessCheck() {
        for (String loop : LOOPS) {
            String check = "checks.find { it.name == '" + loop + "' }";
            RestAssured.get("/q/health/live").then().statusCode(200)
                    .body(check + ".status", is("UP"))
                    .body(check + ".data.maxSilenceMillis", is(60_000));
        }
    }

    /** Loop gauges and the Kafka clients' own metrics reach the Prometheus registry behind /q/metrics. */
    @Test
    void consumerLoopAndKafkaClientMetricsAreScraped() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            for (String loop : List.of("dossier-events", "catalogue", "alert-stream")) {
                assertThat(metrics).contains("motcua_consumer_lag_records{loop=\"" + loop + "\"")
                        .contains("motcua_consumer_last_poll_age_seconds{loop=\"" + loop + "\"");
            }
            assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max{")
                    .contains("kafka_consumer_coordinator_assigned_partitions{")
                    .contains("kafka_producer_record_send_total{");
        });
    }

    @Test
    void statementsHaveATimeout() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet timeout = statement.executeQuery("SHOW statement_timeout")) {
            assertThat(timeout.next()).isTrue();
            assertThat(timeout.getString(1)).isEqualTo("30s");
        }
    }
}
