package vn.motcua.intake.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.UnitData;
import vn.motcua.kafka.EventHandler;
import vn.motcua.intake.app.CalendarService;
import vn.motcua.intake.domain.CalendarChangedEvent;
import vn.motcua.intake.store.Catalogue;

/**
 * Applies a committed catalogue change, whichever instance made it: a unit or procedure is forgotten by the cache
 * unless the copy held is as new (the database, shared by all instances, holds the new state); a calendar year from
 * the event (its schedule and the province's days off in it) is put in force unless the one in force is as new. Both
 * are harmless when repeated.
 */
final class CatalogueChangeHandler implements EventHandler {

    private final Catalogue catalogue;
    private final CalendarService calendars;

    CatalogueChangeHandler(Catalogue catalogue, CalendarService calendars) {
        this.catalogue = catalogue;
        this.calendars = calendars;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        switch (event.type()) {
            case EventTypes.UNIT_CHANGED -> forgetUnit(EventCodec.unitData(event));
            case EventTypes.PROCEDURE_CHANGED -> forgetProcedure(EventCodec.procedureData(event));
            case EventTypes.CALENDAR_CHANGED -> calendars.apply(CalendarChangedEvent.read(event));
            default -> {
                // A reader skips the types it does not know.
            }
        }
    }

    private void forgetUnit(UnitData unit) {
        catalogue.forgetUnit(unit.code(), unit.version());
    }

    private void forgetProcedure(ProcedureData procedure) {
        catalogue.forgetProcedure(procedure.code(), procedure.version());
    }
}
