package vn.motcua.deadline.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.deadline.app.UnitCatalogue;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.MalformedEventException;
import vn.motcua.events.UnitData;
import vn.motcua.kafka.EventHandler;

/**
 * Hands each {@code unit.changed} of the catalogue topic to the unit catalogue; procedures and calendars are not
 * this service's concern (dossier events carry their due dates). Data that cannot be stored is malformed: the
 * shared loop sends it to the dead-letter topic rather than retrying it forever.
 */
public final class CatalogueEventHandler implements EventHandler {

    /** The width of the code columns of the units and deadlines tables. */
    private static final int MAX_CODE = 64;

    private final UnitCatalogue catalogue;

    public CatalogueEventHandler(UnitCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        if (EventTypes.UNIT_CHANGED.equals(event.type())) {
            catalogue.apply(validated(event));
        }
    }

    static UnitData validated(CloudEvent event) {
        UnitData unit = EventCodec.unitData(event);
        if (!fits(unit.code()) || (unit.parentCode() != null && !fits(unit.parentCode()))) {
            throw new MalformedEventException("event " + event.id() + ": unit or parent code blank or longer than "
                    + MAX_CODE);
        }
        // Every state's codes too: a parent of any day may end up in a scope read on that day.
        boolean statesFit = unit.states().stream().allMatch(state ->
                (state.parentCode() == null || fits(state.parentCode()))
                        && (state.successorCode() == null || fits(state.successorCode())));
        if (!statesFit) {
            throw new MalformedEventException("event " + event.id() + ": a parent or successor code in data.history "
                    + "blank or longer than " + MAX_CODE);
        }
        if (unit.name().isBlank()) {
            throw new MalformedEventException("event " + event.id() + ": blank data.name");
        }
        return unit;
    }

    private static boolean fits(String code) {
        return !code.isBlank() && code.length() <= MAX_CODE;
    }
}
