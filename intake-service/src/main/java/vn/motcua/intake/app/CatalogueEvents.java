package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.intake.domain.CalendarChangedEvent;
import vn.motcua.intake.domain.OutboxStream;
import vn.motcua.intake.domain.VersionedSchedule;
import vn.motcua.intake.store.OutboxRows;
import vn.motcua.intake.store.Procedure;
import vn.motcua.intake.store.Unit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The catalogue's events ({@code unit.changed}, {@code procedure.changed}, {@code calendar.changed}): the whole new
 * state with its version, appended to the outbox in the transaction of the change, for the {@code catalogue} topic.
 */
@ApplicationScoped
class CatalogueEvents {

    private final OutboxRows outbox;
    private final Clock clock;

    CatalogueEvents(OutboxRows outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code history}: every state, oldest first; the top level names the latest open one (the unit's row). */
    void unitChanged(Unit unit, List<UnitState> history) {
        append(EventCodec.unitChanged(EventValues.SOURCE, now(),
                new UnitData(unit.code, unit.name, unit.parentCode, unit.version, List.copyOf(history))),
                unit.version);
    }

    void procedureChanged(Procedure procedure) {
        ProcedureData data = new ProcedureData(procedure.code, procedure.name, procedure.field,
                new ProcedureData.ProcessingTime(procedure.processingAmount, procedure.processingUnit.name()),
                procedure.cutoff, procedure.onlineLevelList(), procedure.version);
        append(EventCodec.procedureChanged(EventValues.SOURCE, now(), data), procedure.version);
    }

    void calendarChanged(VersionedSchedule year) {
        append(CalendarChangedEvent.of(EventValues.SOURCE, now(), year), year.version());
    }

    /** The CloudEvents subject is the record key: {@code unit:<code>}, {@code procedure:<code>} … */
    private void append(CloudEvent event, long version) {
        outbox.append(OutboxStream.CATALOGUE, event.subject(), version, event.type(), EventValues.json(event));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
