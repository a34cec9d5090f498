package vn.motcua.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealInfrastructureExtension.class)
class PostgresIsRealTest {

    @Test
    void rowWrittenOverJdbcIsReadBack(TestBed bed) throws Exception {
        try (Connection connection = DriverManager.getConnection(bed.jdbcUrl(), bed.postgres().username(),
                bed.postgres().password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE probe (code text PRIMARY KEY, received_at timestamptz NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO probe VALUES (?, '2022-01-05T08:30:00+07:00')")) {
                insert.setString(1, "HS-1");
                insert.executeUpdate();
            }
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery(
                         "SELECT code, to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI'), version() FROM probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("HS-1");
                assertThat(rows.getString(2)).isEqualTo("08:30");
                assertThat(rows.getString(3)).startsWith("PostgreSQL");
            }
        }
    }

    @Test
    void eachTestClassHasItsOwnDatabase(TestBed bed) {
        TestBed other = TestBed.create();
        assertThat(other.jdbcUrl()).isNotEqualTo(bed.jdbcUrl());
    }
}
