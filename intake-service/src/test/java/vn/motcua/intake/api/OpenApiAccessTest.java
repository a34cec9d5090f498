package vn.motcua.intake.api;

import vn.motcua.testkit.Management;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.InfrastructureResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document (on the management port) says who may call each operation, and which need the token. */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class OpenApiAccessTest {

    @Test
    void everyOperationSaysWhoMayCallIt() {
        JsonPath api = RestAssured.given().queryParam("format", "json").get(Management.url("/q/openapi"))
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        assertThat(paths).containsKeys("/api/dossiers", "/api/units/{code}", "/api/calendar/days-off/{id}");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(String.valueOf(operation.get("description"))).as("%s %s", method, path)
                        .startsWith("Who:")));

        assertThat(api.getList("paths.'/api/dossiers'.post.security.motcua", List.class)).isNotEmpty();
        assertThat(api.getList("paths.'/api/units/{code}'.put.security.motcua", List.class)).isNotEmpty();
        assertThat(api.getList("paths.'/api/units/{code}'.get.security", Object.class)).isNullOrEmpty();
        assertThat(api.getString("components.securitySchemes.motcua.scheme")).isEqualTo("bearer");
    }
}
