package vn.motcua.deadline.store;

import io.agroal.api.AgroalDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A database that applied the seeded units (V2__units_sa_dec.sql, gone since units come from the catalogue topic),
 * as devstack's data holds it, migrates with the service's Flyway settings: its units are forgotten, to be rebuilt
 * from the topic, and a child may now come before its parent.
 */
@ExtendWith(RealInfrastructureExtension.class)
class UnitsMigrationTest {

    static final String IGNORE_PATTERNS = "quarkus.flyway.ignore-migration-patterns";

    @Test
    void aDatabaseWithTheSeededUnitsStartsAndForgetsThem(TestBed bed) throws Exception {
        try (AgroalDataSource dataSource = TestDatabase.pool(bed, 2)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/legacy")
                    .target("2").load().migrate();
            assertThat(count(dataSource, "select count(*) from units")).isEqualTo(2);

            assertThatThrownBy(() -> Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .load().migrate()).as("without the setting, the missing V2 stops the start")
                    .isInstanceOf(FlywayException.class).hasMessageContaining("not resolved locally");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .ignoreMigrationPatterns(serviceSetting(IGNORE_PATTERNS)).load().migrate();

            assertThat(count(dataSource, "select count(*) from units")).isZero();
            UnitStore units = new UnitStore(dataSource);
            assertThat(units.save(new UnitData("SADEC-P1", "UBND Phường 1", "SADEC", 1))).isTrue();
            assertThat(units.save(new UnitData("SADEC-P1", "UBND Phường 1", "SADEC", 1))).isFalse();
            assertThat(units.all()).extracting(Unit::code, Unit::states).containsExactly(
                    tuple("SADEC-P1", List.of(UnitState.open(null, "UBND Phường 1", "SADEC"))));
        }
    }

    /** As the application reads it, so that the test fails if the setting goes. */
    private static String serviceSetting(String key) throws IOException {
        try (InputStream in = UnitsMigrationTest.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        }
    }

    private static long count(AgroalDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
