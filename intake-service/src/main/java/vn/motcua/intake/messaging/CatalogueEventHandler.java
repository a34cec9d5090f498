package vn.motcua.intake.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.UnitData;
import vn.motcua.kafka.EventHandler;
import vn.motcua.intake.app.CalendarChanges;
import vn.motcua.intake.app.CatalogueUpdates;
import vn.motcua.intake.domain.CalendarChangedEvent;

/**
 * Hands each record of the catalogue topic, whichever instance published it, to the use case it concerns: a unit or
 * a procedure to {@link CatalogueUpdates}, a calendar year to {@link CalendarChanges}. Both are harmless when
 * repeated, so a topic read again from its beginning changes nothing.
 */
final class CatalogueEventHandler implements EventHandler {

    private final CatalogueUpdates catalogue;
    private final CalendarChanges calendars;

    CatalogueEventHandler(CatalogueUpdates catalogue, CalendarChanges calendars) {
        this.catalogue = catalogue;
        this.calendars = calendars;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        switch (event.type()) {
            case EventTypes.UNIT_CHANGED -> unitChanged(EventCodec.unitData(event));
            case EventTypes.PROCEDURE_CHANGED -> procedureChanged(EventCodec.procedureData(event));
            case EventTypes.CALENDAR_CHANGED -> calendars.applied(CalendarChangedEvent.read(event));
            default -> {
                // A reader skips the types it does not know.
            }
        }
    }

    private void unitChanged(UnitData unit) {
        catalogue.unitPublished(unit.code(), unit.version());
    }

    private void procedureChanged(ProcedureData procedure) {
        catalogue.procedurePublished(procedure.code(), procedure.version());
    }
}
