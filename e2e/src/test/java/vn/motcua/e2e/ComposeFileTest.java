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
 * checks, start order on healthy dependencies, Dockerfiles that exist, and environment names that the services'
 * application.properties really read.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("motcua.e2e.root", "..")).toAbsolutePath();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{(MOTCUA_[A-Z_]+)(:[^}]*)?}");
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
        for (String infra : List.of("kafka", "postgres", "mongo")) {
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

    @Test
    @SuppressWarnings("unchecked")
    void each_service_gets_exactly_the_environment_its_application_properties_read() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : SERVICES) {
            Set<String> read = new TreeSet<>();
            Matcher m = ENV_REFERENCE.matcher(Files.readString(
                    ROOT.resolve(name).resolve("src/main/resources/application.properties")));
            while (m.find()) {
                read.add(m.group(1));
            }
            Map<String, Object> given = (Map<String, Object>) services.get(name).get("environment");
            assertThat(new TreeSet<>(given.keySet())).as(name + " environment").isEqualTo(read);
        }
    }
}
