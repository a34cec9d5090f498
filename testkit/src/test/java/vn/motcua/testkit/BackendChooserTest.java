package vn.motcua.testkit;

import vn.motcua.infra.PostgresService;
import vn.motcua.infra.Backend;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackendChooserTest {

    @Test
    void anAddressFromTheEnvironmentWinsOverDocker() {
        BackendChooser chooser = new BackendChooser(Map.of("MOTCUA_KAFKA_BOOTSTRAP", "broker:9092")::get, () -> true);

        assertThat(chooser.choose("Kafka", "MOTCUA_KAFKA_BOOTSTRAP"))
                .isEqualTo(new BackendChooser.Choice(Backend.ENVIRONMENT, Optional.of("broker:9092")));
    }

    @Test
    void dockerWhenNoAddressThenEmbedded() {
        assertThat(new BackendChooser(name -> null, () -> true).choose("Kafka", "MOTCUA_KAFKA_BOOTSTRAP").backend())
                .isEqualTo(Backend.TESTCONTAINERS);
        assertThat(new BackendChooser(name -> " ", () -> false).choose("Kafka", "MOTCUA_KAFKA_BOOTSTRAP").backend())
                .isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void externalPostgresUrlIsPointedAtEachDatabase() {
        PostgresService external = new PostgresService.ExternalPostgres(
                "jdbc:postgresql://db:5432/motcua?sslmode=disable", "u", "p");

        assertThat(external.jdbcUrl("t1_abc")).isEqualTo("jdbc:postgresql://db:5432/t1_abc?sslmode=disable");
    }

    @Test
    void sharedInfrastructureUsesTheEnvironmentWhenGiven() {
        // With MOTCUA_* set (CI against real servers), the shared pieces must be the given ones.
        String kafka = System.getenv("MOTCUA_KAFKA_BOOTSTRAP");
        if (kafka != null && !kafka.isBlank()) {
            assertThat(Infrastructure.kafka().backend()).isEqualTo(Backend.ENVIRONMENT);
            assertThat(Infrastructure.kafka().bootstrapServers()).isEqualTo(kafka.trim());
        } else {
            assertThat(Infrastructure.kafka().backend()).isNotEqualTo(Backend.ENVIRONMENT);
        }
    }
}
