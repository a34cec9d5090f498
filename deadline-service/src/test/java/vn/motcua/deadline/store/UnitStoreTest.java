package vn.motcua.deadline.store;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.events.UnitData;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import static org.assertj.core.api.Assertions.assertThat;

/** The units table on real PostgreSQL: the catalogue's version decides, whatever order states arrive in. */
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
        assertThat(units.all()).contains(new Unit("CHILD-1", "PARENT-1"), new Unit("PARENT-1", null));
    }

    @Test
    void onlyAHigherVersionChangesAUnit() {
        assertThat(units.save(new UnitData("VER-1", "UBND xã", "DISTRICT-A", 2))).isTrue();
        assertThat(units.save(new UnitData("VER-1", "UBND xã (cũ)", "DISTRICT-B", 1))).isFalse();
        assertThat(units.save(new UnitData("VER-1", "UBND xã (lặp)", "DISTRICT-B", 2))).isFalse();
        assertThat(units.all()).contains(new Unit("VER-1", "DISTRICT-A"));

        assertThat(units.save(new UnitData("VER-1", "UBND phường", "DISTRICT-B", 3))).isTrue();
        assertThat(units.all()).contains(new Unit("VER-1", "DISTRICT-B")).doesNotContain(new Unit("VER-1", "DISTRICT-A"));
    }
}
