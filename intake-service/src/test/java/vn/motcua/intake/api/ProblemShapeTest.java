package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's one error shape (docs/contracts.md, errors), as intake answers bad input. */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class ProblemShapeTest {

    @Test
    void aBadFieldIsAProblemThatNamesIt() {
        JsonPath problem = Dossiers.post(Dossiers.direct("1.004873", "HANOI", "2022-03-01T08:00:00+07:00"))
                .statusCode(400)
                .contentType("application/problem+json")
                .extract().jsonPath();

        assertThat(problem.getMap("$")).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).isEqualTo("/api/dossiers");
        List<Map<String, Object>> errors = problem.getList("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsOnlyKeys("field", "message");
        assertThat(errors.get(0)).containsEntry("field", "unitCode");
        assertThat((String) errors.get(0).get("message")).contains("HANOI");
    }
}
