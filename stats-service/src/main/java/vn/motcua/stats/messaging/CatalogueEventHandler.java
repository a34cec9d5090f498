package vn.motcua.stats.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.MalformedEventException;
import vn.motcua.events.Topics;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.UnitData;
import vn.motcua.kafka.EventHandler;
import vn.motcua.stats.app.CatalogueUpdates;
import vn.motcua.stats.domain.ProcedureCatalogue;
import vn.motcua.stats.domain.Unit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks {@code unit.changed} and {@code procedure.changed} from the compacted catalogue topic and hands them to
 * {@link CatalogueUpdates} (the unit tree; the procedures' names and fields for the report's procedure and field
 * rows), which keeps per key the state of the highest version seen. Calendars are intake's concern (handling time
 * comes computed): skipped, like unknown types. A unit or procedure the suite could never have published (a code
 * outside intake-service's form, a blank name, its own parent, a record key that is not {@code unit:<code>}, which
 * compaction would keep under the wrong key) goes to the DLQ.
 */
public final class CatalogueEventHandler implements EventHandler {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{1,32}");
    /** intake-service's form of a procedure code (domain.CatalogueCodes there). */
    private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Za-z0-9.-]{1,32}");

    private final CatalogueUpdates updates;

    public CatalogueEventHandler(CatalogueUpdates updates) {
        this.updates = updates;
    }

    @Override
    public void handle(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        if (EventTypes.PROCEDURE_CHANGED.equals(event.type())) {
            procedure(event, record);
            return;
        }
        if (!EventTypes.UNIT_CHANGED.equals(event.type())) {
            return;
        }
        UnitData data = EventCodec.unitData(event);
        refuseUnless(CODE.matcher(data.code()).matches(), event, "data.code is not of the form [A-Z0-9-]{1,32}");
        refuseUnless(!data.name().isBlank(), event, "data.name is blank");
        refuseUnless(data.parentCode() == null || CODE.matcher(data.parentCode()).matches(), event,
                "data.parentCode is not of the form [A-Z0-9-]{1,32}");
        refuseUnless(!data.code().equals(data.parentCode()), event, "the unit is its own parent");
        refuseUnless(Objects.equals(record.key(), Topics.unitKey(data.code())), event,
                "record key " + record.key() + " is not " + Topics.unitKey(data.code()));
        updates.unitChanged(new Unit(data.code(), data.name().strip(), data.parentCode()), data.version());
    }

    private void procedure(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        ProcedureData data = EventCodec.procedureData(event);
        refuseUnless(data.code() != null && PROCEDURE_CODE.matcher(data.code()).matches(), event,
                "data.code is not of the form [A-Za-z0-9.-]{1,32}");
        refuseUnless(data.name() != null && !data.name().isBlank(), event, "data.name is blank");
        refuseUnless(Objects.equals(record.key(), Topics.procedureKey(data.code())), event,
                "record key " + record.key() + " is not " + Topics.procedureKey(data.code()));
        String field = data.field() == null || data.field().isBlank() ? null : data.field().strip();
        updates.procedureChanged(new ProcedureCatalogue.Procedure(data.code(), data.name().strip(), field),
                data.version());
    }

    private static void refuseUnless(boolean valid, CloudEvent event, String reason) {
        if (!valid) {
            throw new MalformedEventException("event " + event.id() + ": " + reason);
        }
    }
}
