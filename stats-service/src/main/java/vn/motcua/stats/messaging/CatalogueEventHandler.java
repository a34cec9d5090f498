package vn.motcua.stats.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.MalformedEventException;
import vn.motcua.events.Topics;
import vn.motcua.events.ProcedureData;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.kafka.EventHandler;
import vn.motcua.stats.app.CatalogueUpdates;
import vn.motcua.stats.domain.ProcedureCatalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks {@code unit.changed} and {@code procedure.changed} from the compacted catalogue topic and hands them to
 * {@link CatalogueUpdates} (the units' histories; the procedures' names and fields for the report's procedure and field
 * rows), which keeps per key the state of the highest version seen. Calendars are intake's concern (handling time
 * comes computed): skipped, like unknown types. A unit or procedure the suite could never have published (a code
 * outside intake-service's form, a blank name, its own parent, a history out of order or closed without a successor,
 * a record key that is not {@code unit:<code>}, which
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
        List<UnitState> states = new ArrayList<>();
        LocalDate previous = null;
        for (UnitState state : data.states()) {
            refuseUnless(state.effectiveFrom() != null || states.isEmpty(), event,
                    "data.history: only the first state may lack effectiveFrom");
            refuseUnless(previous == null || state.effectiveFrom().isAfter(previous), event,
                    "data.history is not in the order of effectiveFrom");
            refuseUnless(state.name() != null && !state.name().isBlank(), event, "data.history: a name is blank");
            refuseUnless(state.parentCode() == null || (CODE.matcher(state.parentCode()).matches()
                    && !state.parentCode().equals(data.code())), event, "data.history: a parentCode is not a unit "
                    + "of the form [A-Z0-9-]{1,32} other than itself");
            refuseUnless(!state.closed() || (state.successorCode() != null
                    && CODE.matcher(state.successorCode()).matches() && !state.successorCode().equals(data.code())),
                    event, "data.history: a closed state needs a successorCode of another unit");
            previous = state.effectiveFrom();
            states.add(new UnitState(state.effectiveFrom(), state.name().strip(), state.parentCode(), state.closed(),
                    state.closed() ? state.successorCode() : null));
        }
        updates.unitChanged(new UnitData(data.code(), data.name().strip(), data.parentCode(), data.version(),
                data.history() == null || data.history().isEmpty() ? null : List.copyOf(states)));
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
