package vn.motcua.stats.app;

import vn.motcua.events.UnitData;
import vn.motcua.stats.domain.ProcedureCatalogue;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.UnitStore;

/**
 * What a catalogue record changes in one generation's database: the units' histories and the procedures' names and
 * fields, each kept at the highest version seen (a repeat or an older version is a no-op). The Kafka edge checks the
 * record and calls this; it never writes the stores itself.
 */
public final class CatalogueUpdates {

    private final UnitStore units;
    private final ProcedureStore procedures;

    public CatalogueUpdates(UnitStore units, ProcedureStore procedures) {
        this.units = units;
        this.procedures = procedures;
    }

    /** Stores the unit's history as its version unless a newer or equal version is there. */
    public void unitChanged(UnitData unit) {
        units.storeIfNewer(unit);
    }

    /** Stores the procedure as {@code version} unless a newer or equal version is there. */
    public void procedureChanged(ProcedureCatalogue.Procedure procedure, long version) {
        procedures.storeIfNewer(procedure, version);
    }
}
