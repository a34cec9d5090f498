package vn.motcua.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of docker-compose.yml without a Docker engine: pinned images equal to the testkit's, health
 * checks, start order on healthy dependencies, Dockerfiles that exist, environment names that the services'
 * application.properties really read, and the issuer every service checks tokens against.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("motcua.e2e.root", "..")).toAbsolutePath();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{((?:MOTCUA|QUARKUS)_[A-Z_]+)(:[^}]*)?}");
    /** Inside the compose network; Keycloak's KC_HOSTNAME makes the discovered issuer http://localhost:8180/... */
    private static final String ISSUER = "http://keycloak:8080/realms/motcua";
    private static final List<String> SERVICES = List.of("intake-service", "deadline-service", "stats-service");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void infrastructure_images_are_the_testkits_pinned_ones_with_health_checks() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services.get("kafka").get("image")).isEqualTo(vn.motcua.testkit.Images.KAFKA);
        assertThat(services.get("postgres").get("image")).isEqualTo(vn.motcua.testkit.Images.POSTGRES);
        assertThat(services.get("mongo").get("image")).isEqualTo(vn.motcua.testkit.Images.MONGO);
        assertThat(services.get("keycloak").get("image")).isEqualTo(vn.motcua.testkit.Images.KEYCLOAK);
        for (String infra : List.of("kafka", "postgres", "mongo", "keycloak")) {
            assertThat(services.get(infra)).as(infra).containsKey("healthcheck");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_service_is_built_from_its_dockerfile_and_waits_for_healthy_dependencies() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : SERVICES) {
            Map<String, Object> build = (Map<String, Object>) services.get(name).get("build");
            Path dockerfile = ROOT.resolve(build.get("context").toString()).resolve(build.get("dockerfile").toString());
            assertThat(dockerfile).as(name + " Dockerfile").isRegularFile();
            assertThat(Files.readString(dockerfile)).contains("target/quarkus-app");

            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(name).get("depends_on");
            assertThat(dependsOn).as(name + " depends_on").isNotEmpty();
            dependsOn.forEach((dependency, condition) -> assertThat(condition.get("condition"))
                    .as(name + " on " + dependency)
                    .isIn("service_healthy", "service_completed_successfully"));
        }
    }

    /**
     * Every MOTCUA_ name given is read (no typo goes unnoticed), and every name read without a default is given (else
     * the service refuses to start). QUARKUS_ names need no reference: Quarkus reads them as its properties.
     */
    @Test
    @SuppressWarnings("unchecked")
    void each_service_gets_the_environment_its_application_properties_read() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : SERVICES) {
            Set<String> read = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            Matcher m = ENV_REFERENCE.matcher(Files.readString(
                    ROOT.resolve(name).resolve("src/main/resources/application.properties")));
            while (m.find()) {
                read.add(m.group(1));
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
            Set<String> given = new TreeSet<>(((Map<String, Object>) services.get(name).get("environment")).keySet());
            assertThat(given.stream().filter(n -> n.startsWith("MOTCUA_"))).as(name + " MOTCUA_ names given")
                    .allMatch(read::contains);
            assertThat(given).as(name + " environment").containsAll(required);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_service_checks_tokens_of_the_realm_and_waits_for_keycloak() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat((List<String>) keycloak.get("command")).contains("start-dev", "--import-realm");
        assertThat((List<String>) keycloak.get("volumes")).anyMatch(v -> v.startsWith("./keycloak:/opt/keycloak/data/import"));
        assertThat(ROOT.resolve("keycloak/production-realm.json")).isRegularFile();
        Map<String, String> environment = (Map<String, String>) keycloak.get("environment");
        assertThat(environment).containsEntry("KC_HOSTNAME", "http://localhost:8180")
                .containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat((List<String>) keycloak.get("ports")).contains("8180:8080");
        assertThat(keycloak.get("healthcheck").toString()).contains("/dev/tcp/127.0.0.1/9000", "/health/ready");

        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat((Map<String, String>) service.get("environment")).as(name)
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", ISSUER);
            assertThat((Map<String, Map<String, String>>) service.get("depends_on")).as(name)
                    .containsEntry("keycloak", Map.of("condition", "service_healthy"));
        }
    }
}
