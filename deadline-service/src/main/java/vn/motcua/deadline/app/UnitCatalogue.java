package vn.motcua.deadline.app;

import jakarta.inject.Singleton;
import vn.motcua.deadline.store.UnitStore;
import vn.motcua.events.UnitData;

/**
 * Applies the catalogue's units to the units table, each only above the version stored, and tells the directory so
 * that filters see the change at once on this instance (others within a second).
 */
@Singleton
public class UnitCatalogue {

    private final UnitStore units;
    private final UnitDirectory directory;

    public UnitCatalogue(UnitStore units, UnitDirectory directory) {
        this.units = units;
        this.directory = directory;
    }

    /** Answers whether the unit changed: false for a duplicate, a replay or an older version. */
    public boolean apply(UnitData unit) {
        boolean changed = units.save(unit);
        if (changed) {
            directory.changed();
        }
        return changed;
    }
}
