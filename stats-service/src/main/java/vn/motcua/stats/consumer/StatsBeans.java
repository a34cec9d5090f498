package vn.motcua.stats.consumer;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.stats.admin.Rebuild;
import vn.motcua.stats.projection.TimeSweep;
import vn.motcua.stats.report.ReportService;
import vn.motcua.stats.report.UnitCatalogue;
import vn.motcua.stats.store.CrashPoint;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.StatsDatabase;
import vn.motcua.stats.store.TotalsStore;

import java.time.Clock;

/** CDI wiring of the plain classes, which tests also drive without Quarkus. */
public class StatsBeans {

    @Produces
    @Singleton
    TotalsStore totals(StatsDatabase database) {
        return new TotalsStore(database.get());
    }

    @Produces
    @Singleton
    DossierStore dossiers(StatsDatabase database, TotalsStore totals) {
        return new DossierStore(database.get(), totals, CrashPoint.NONE);
    }

    @Produces
    @Singleton
    UnitCatalogue units() {
        return UnitCatalogue.fromResource("units.csv");
    }

    @Produces
    @Singleton
    ReportService reports(TotalsStore totals, UnitCatalogue units, Clock clock) {
        return new ReportService(totals, units, clock);
    }

    @Produces
    @Singleton
    TimeSweep sweep(DossierStore dossiers, Clock clock) {
        return new TimeSweep(dossiers, clock);
    }

    @Produces
    @Singleton
    Rebuild rebuild(DossierStore dossiers, TotalsStore totals) {
        return new Rebuild(dossiers, totals);
    }
}
