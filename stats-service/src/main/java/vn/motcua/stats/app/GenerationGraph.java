package vn.motcua.stats.app;

import com.mongodb.client.MongoDatabase;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.UnitStore;

import java.time.Clock;

/**
 * One generation's object graph: the stores of its database and the projection code bound to them, the same
 * classes whichever generation they serve or build.
 */
public record GenerationGraph(long number, DossierStore dossiers, TotalsStore totals, UnitStore units,
                              ProcedureStore procedures, DossierProjector projector, BatchProjector batches) {

    /** A graph on {@code database}, with {@code crashPoint} for the tests' kills ({@link CrashPoint#NONE}). */
    public static GenerationGraph on(long number, MongoDatabase database, CrashPoint crashPoint) {
        DossierStore dossiers = new DossierStore(database);
        TotalsStore totals = new TotalsStore(database);
        DossierProjector projector = new DossierProjector(dossiers, totals, crashPoint);
        return new GenerationGraph(number, dossiers, totals, new UnitStore(database), new ProcedureStore(database),
                projector, new BatchProjector(dossiers, totals, projector, crashPoint, Clock.systemUTC()));
    }

    /** The recount from this generation's projection (admin {@code /rebuild}). */
    public Rebuild rebuild() {
        return new Rebuild(projector, dossiers, totals);
    }

    /** Where this generation's catalogue records go. */
    public CatalogueUpdates catalogue() {
        return new CatalogueUpdates(units, procedures);
    }

    /** The time sweep of this generation's open dossiers. */
    public TimeSweep sweep(Clock clock) {
        return new TimeSweep(dossiers, projector, clock);
    }
}
