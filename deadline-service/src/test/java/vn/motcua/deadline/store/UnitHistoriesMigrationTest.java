package vn.motcua.deadline.store;

import io.agroal.api.AgroalDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * V7 on a database of a build that kept only each unit's latest parent (a class of its own: its bed's database
 * starts at V6, not at the seeded units of UnitsMigrationTest).
 */
@ExtendWith(RealInfrastructureExtension.class)
class UnitHistoriesMigrationTest {

    /**
     * Such a row may be a lossy copy of an event that had a history: it reads as one state since always, and its
     * version goes to 0 so that the catalogue read again applies the history.
     */
    @Test
    void rowsWithoutAHistoryHoldSinceAlwaysAndTakeTheCatalogueAgain(TestBed bed) throws Exception {
        try (AgroalDataSource dataSource = TestDatabase.pool(bed, 2)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("6").load().migrate();
            try (Connection connection = dataSource.getConnection(); Statement insert = connection.createStatement()) {
                insert.executeUpdate("insert into units (code, name, parent_code, version) "
                        + "values ('OLD-P1', 'UBND Phường 1', 'OLD-CITY', 3)");
            }
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            UnitStore units = new UnitStore(dataSource);
            assertThat(units.all()).extracting(Unit::code, Unit::states)
                    .containsExactly(tuple("OLD-P1", List.of(UnitState.open(null, "UBND Phường 1", "OLD-CITY"))));
            List<UnitState> history = List.of(UnitState.open(null, "UBND Phường 1", "OLD-CITY"),
                    new UnitState(LocalDate.of(2025, 7, 1), "UBND Phường 1", "OLD-CITY", true, "OLD-PSD"));
            assertThat(units.save(new UnitData("OLD-P1", "UBND Phường 1", "OLD-CITY", 3, history))).isTrue();
            assertThat(units.all()).extracting(Unit::code, Unit::states).containsExactly(tuple("OLD-P1", history));
        }
    }
}
