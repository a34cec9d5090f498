package vn.motcua.intake;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.messaging.CatalogueConsumerReadiness;
import vn.motcua.intake.messaging.OutboxHealth;
import vn.motcua.intake.messaging.OutboxRelayLiveness;
import vn.motcua.intake.store.NewDossierWritersLiveness;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Readiness;
import vn.motcua.testkit.ReadinessChecks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ReadinessTest {

    @Inject
    DataSource dataSource;

    @Test
    void readyAgainstRealInfrastructure() {
        Management.onManagementPort(() -> Readiness.assertUp(ReadinessChecks.DATABASE, CatalogueConsumerReadiness.NAME));
    }

    /** Kafka away must not take intake out of a load balancer: the outbox is there for that. */
    @Test
    void readinessDoesNotAskForKafka() {
        RestAssured.get(Management.url("/q/health/ready")).then().body("checks.name", not(hasItem(ReadinessChecks.KAFKA)));
    }

    @Test
    void theRelayIsLiveAndTheOutboxReportsItsBacklogOutsideReadiness() {
        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200)
                .body("checks.find { it.name == '" + OutboxRelayLiveness.NAME + "' }.status", is("UP"))
                .body("checks.find { it.name == '" + NewDossierWritersLiveness.NAME + "' }.status", is("UP"));
        String outbox = "checks.find { it.name == '" + OutboxHealth.NAME + "' }";
        RestAssured.get(Management.url("/q/health/well")).then().statusCode(200)
                .body(outbox + ".status", is("UP"))
                .body(outbox + ".data.backlog", greaterThanOrEqualTo(0))
                .body(outbox + ".data.oldestUnsentSeconds", greaterThanOrEqualTo(0));
        RestAssured.get(Management.url("/q/health")).then().body("checks.name", hasItem(OutboxHealth.NAME));
        RestAssured.get(Management.url("/q/health/ready")).then().body("checks.name", not(hasItem(OutboxHealth.NAME)));
    }

    @Test
    void theCatalogueLoopIsLiveAndItsGaugesAndTheKafkaClientsMetricsAreScraped() {
        String check = "checks.find { it.name == '" + CatalogueConsumerReadiness.NAME + "' }";
        RestAssured.get(Management.url("/q/health/live")).then().statusCode(200)
                .body(check + ".status", is("UP"))
                .body(check + ".data.maxSilenceMillis", is(60_000));
        String metrics = RestAssured.get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("motcua_consumer_lag_records{loop=\"catalogue\"")
                .contains("motcua_consumer_last_poll_age_seconds{loop=\"catalogue\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("kafka_producer_record_send_total{");
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
