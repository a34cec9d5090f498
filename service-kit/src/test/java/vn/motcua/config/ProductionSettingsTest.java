package vn.motcua.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a production start, setting by setting; e2e's ProductionStartIT starts the jars. */
class ProductionSettingsTest {

    private static final Map<String, String> GOOD = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/intake",
            "quarkus.datasource.username", "intake",
            "quarkus.datasource.password", "Zq4-generated-by-the-operator",
            "kafka.security.protocol", "SASL_SSL",
            "motcua.kafka.user", "intake",
            "motcua.kafka.password", "Kx9-generated-by-the-operator");

    @Test
    void ownRolesAndGeneratedSecretsPass() {
        assertThat(problems(GOOD)).isEmpty();
    }

    @Test
    void theDatabaseSuperuserAndItsDefaultPasswordAreRefused() {
        assertThat(problems(with("quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres")))
                .hasSize(2).allMatch(problem -> problem.contains("MOTCUA_DB_"));
    }

    @Test
    void demoPasswordsAreRefusedWhateverTheirOwner() {
        assertThat(problems(with("motcua.kafka.password", "intake-demo-secret"))).singleElement().asString()
                .contains("MOTCUA_KAFKA_PASSWORD");
        assertThat(problems(with("motcua.kafka.user", "auditor", "motcua.kafka.password", "auditor"))).hasSize(1);
        assertThat(problems(with("quarkus.datasource.password", "intake-demo-secret"))).hasSize(1);
        assertThat(problems(with("quarkus.oidc.credentials.secret", "motcua-dashboard-demo-secret-of-32-chars-or-more")))
                .singleElement().asString().contains("QUARKUS_OIDC_CREDENTIALS_SECRET");
    }

    @Test
    void kafkaWithoutALoginIsRefused() {
        Map<String, String> noLogin = new HashMap<>(GOOD);
        noLogin.remove("motcua.kafka.password");
        noLogin.put("kafka.security.protocol", "PLAINTEXT");
        assertThat(problems(noLogin)).hasSize(2);
    }

    @Test
    void aServiceWithoutADatabaseIsNotAskedForOne() {
        Map<String, String> stats = new HashMap<>(GOOD);
        stats.keySet().removeIf(name -> name.startsWith("quarkus.datasource"));
        assertThat(problems(stats)).isEmpty();
    }

    private static Map<String, String> with(String... namesAndValues) {
        Map<String, String> settings = new HashMap<>(GOOD);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return settings;
    }

    private static List<String> problems(Map<String, String> settings) {
        return ProductionSettings.problems(name -> Optional.ofNullable(settings.get(name)));
    }
}
