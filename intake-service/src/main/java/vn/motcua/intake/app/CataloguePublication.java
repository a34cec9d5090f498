package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.intake.domain.ParentsFirst;
import vn.motcua.intake.store.CalendarYear;
import vn.motcua.intake.store.CatalogueRows;
import vn.motcua.intake.store.Procedure;
import vn.motcua.intake.store.Unit;
import vn.motcua.intake.store.UnitStateRow;
import vn.motcua.events.UnitState;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * On the first start of intake-service on its database, publishes the whole catalogue once (every unit, parents
 * first, every procedure, every calendar year stored), each one version up, so that a consumer with an empty
 * database needs nothing but the catalogue topic. Instances starting together publish it once: the change lock and
 * a marker row written in the same transaction decide.
 */
@ApplicationScoped
public class CataloguePublication {

    private static final Logger LOG = Logger.getLogger(CataloguePublication.class);

    private final CatalogueRows rows;
    private final CatalogueEvents events;
    private final Clock clock;

    CataloguePublication(CatalogueRows rows, CatalogueEvents events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (publishOnce()) {
            LOG.info("first start: the whole catalogue is in the outbox for the catalogue topic");
        }
    }

    /** True when this call published the catalogue; false when it had been published already. */
    public boolean publishOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            rows.lockForChange();
            if (!rows.claimFirstPublication(clock.instant())) {
                return false;
            }
            List<Unit> units = rows.allForChange(Unit.class);
            Map<String, List<UnitState>> histories = UnitStateRow.histories();
            for (Unit unit : ParentsFirst.order(units, u -> u.code, u -> u.parentCode)) {
                unit.version++;
                events.unitChanged(unit, histories.getOrDefault(unit.code,
                        List.of(UnitState.open(null, unit.name, unit.parentCode))));
            }
            List<Procedure> procedures = rows.allForChange(Procedure.class);
            for (Procedure procedure : procedures.stream().sorted(Comparator.comparing(p -> p.code)).toList()) {
                procedure.version++;
                events.procedureChanged(procedure);
            }
            List<CalendarYear> years = rows.allForChange(CalendarYear.class);
            years.forEach(year -> year.version++);
            CalendarYear.withSchedules(years).forEach(events::calendarChanged);
            return true;
        });
    }
}
