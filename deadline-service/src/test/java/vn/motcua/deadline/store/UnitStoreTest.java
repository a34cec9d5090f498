package vn.motcua.deadline.store;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units table on real PostgreSQL: the catalogue's version decides, whatever order states arrive in, and a unit's
 * whole history is kept.
 */
@ExtendWith(RealInfrastructureExtension.class)
class UnitStoreTest {

    static AgroalDataSource dataSource;
    static UnitStore units;

    @BeforeAll
    static void database(TestBed bed) {
        dataSource = TestDatabase.migrated(bed, 2);
        units = new UnitStore(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aNewDatabaseKnowsNoUnitAndTakesAChildBeforeItsParent() {
        assertThat(units.all()).extracting(Unit::code).doesNotContain("SADEC", "SADEC-P1");
        assertThat(units.save(new UnitData("CHILD-1", "UBND Phường 1", "PARENT-1", 1))).isTrue();
        assertThat(units.save(new UnitData("PARENT-1", "UBND thành phố", null, 1))).isTrue();
        assertThat(parents()).containsEntry("CHILD-1", "PARENT-1").containsEntry("PARENT-1", null);
    }

    @Test
    void onlyAHigherVersionChangesAUnit() {
        assertThat(units.save(new UnitData("VER-1", "UBND xã", "DISTRICT-A", 2))).isTrue();
        assertThat(units.save(new UnitData("VER-1", "UBND xã (cũ)", "DISTRICT-B", 1))).isFalse();
        assertThat(units.save(new UnitData("VER-1", "UBND xã (lặp)", "DISTRICT-B", 2))).isFalse();
        assertThat(parents()).containsEntry("VER-1", "DISTRICT-A");

        assertThat(units.save(new UnitData("VER-1", "UBND phường", "DISTRICT-B", 3))).isTrue();
        assertThat(parents()).containsEntry("VER-1", "DISTRICT-B");
    }

    @Test
    void aUnitKeepsItsWholeHistoryAndAnEventWithoutOneIsOneStateSinceAlways() {
        List<UnitState> history = List.of(UnitState.open(null, "UBND Phường 1", "CITY-H"),
                UnitState.open(LocalDate.of(2025, 3, 1), "UBND Phường 1", "CITY-H2"),
                new UnitState(LocalDate.of(2025, 7, 1), "UBND Phường 1", "CITY-H2", true, "WARD-H2"));
        assertThat(units.save(new UnitData("WARD-H", "UBND Phường 1", "CITY-H2", 3, history))).isTrue();
        assertThat(unit("WARD-H").states()).isEqualTo(history);

        assertThat(units.save(new UnitData("WARD-OLD", "UBND xã", "CITY-H", 1))).isTrue();
        assertThat(unit("WARD-OLD").states()).containsExactly(UnitState.open(null, "UBND xã", "CITY-H"));
    }

    private static Unit unit(String code) {
        return units.all().stream().filter(unit -> unit.code().equals(code)).findFirst().orElseThrow();
    }

    /** Each stored unit's parent today (every unit here has held since always). */
    private static Map<String, String> parents() {
        Map<String, String> parents = new HashMap<>();
        units.all().forEach(unit -> parents.put(unit.code(), unit.on(LocalDate.now()).orElseThrow().parentCode()));
        return parents;
    }
}
