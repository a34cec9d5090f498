package vn.motcua.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.InfrastructureResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement that runs past the configured timeout (2 s here) is cancelled by the server: the caller gets an error. */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@TestProfile(StatementTimeoutTest.ShortStatementTimeout.class)
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class StatementTimeoutTest {

    /** PostgreSQL's SQLSTATE for a statement cancelled, here by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    public static class ShortStatementTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.options", "-c statement_timeout=2s");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aStatementRunningPastTheTimeoutFailsInsteadOfHanging() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(30)"))
                    .isInstanceOfSatisfying(SQLException.class, e ->
                            assertThat(e.getSQLState()).isEqualTo(QUERY_CANCELED));
            // The connection is still usable afterwards: only the statement was cancelled.
            assertThat(statement.execute("SELECT 1")).isTrue();
        }
    }
}
