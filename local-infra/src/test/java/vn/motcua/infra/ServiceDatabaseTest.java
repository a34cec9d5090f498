package vn.motcua.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each service's role owns its own database and cannot even connect to another's (devstack sets them up so). */
class ServiceDatabaseTest {

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresServer.start();
        postgres.createServiceDatabase("intake", "intake", "intake-pw");
        postgres.createServiceDatabase("deadline", "deadline", "deadline-pw");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aServiceRoleCreatesItsTablesInItsOwnDatabase() throws SQLException {
        try (Connection intake = DriverManager.getConnection(postgres.jdbcUrl("intake"), "intake", "intake-pw");
             Statement sql = intake.createStatement()) {
            sql.execute("CREATE TABLE dossier (code text PRIMARY KEY)");
            assertThat(sql.executeUpdate("INSERT INTO dossier VALUES ('SADEC-1')")).isEqualTo(1);
        }
    }

    @Test
    void aServiceRoleCannotConnectToAnotherServicesDatabase() {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("intake"), "deadline", "deadline-pw")
                .close()).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void settingUpAgainKeepsTheDatabase() throws SQLException {
        postgres.createServiceDatabase("deadline", "deadline", "deadline-pw");
        try (Connection deadline = DriverManager.getConnection(postgres.jdbcUrl("deadline"), "deadline", "deadline-pw")) {
            assertThat(deadline.isValid(2)).isTrue();
        }
    }
}
