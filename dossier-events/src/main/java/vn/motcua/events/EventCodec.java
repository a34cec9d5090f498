package vn.motcua.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one JSON configuration that producers and consumers share: ISO-8601 text for times with their offset kept
 * (no shift to UTC), nulls left out, unknown fields and unknown enum values tolerated so that a newer producer never
 * breaks an older reader.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static CloudEvent dossierEvent(String type, URI source, OffsetDateTime time, DossierData data) {
        return envelope(type, source, time, data.dossierCode(), data);
    }

    public static CloudEvent alert(String type, URI source, OffsetDateTime time, AlertData data) {
        return envelope(type, source, time, data.dossierCode(), data);
    }

    public static CloudEvent unitChanged(URI source, OffsetDateTime time, UnitData data) {
        return envelope(EventTypes.UNIT_CHANGED, source, time, Topics.unitKey(data.code()), data);
    }

    public static CloudEvent procedureChanged(URI source, OffsetDateTime time, ProcedureData data) {
        return envelope(EventTypes.PROCEDURE_CHANGED, source, time, Topics.procedureKey(data.code()), data);
    }

    public static CloudEvent calendarChanged(URI source, OffsetDateTime time, CalendarData data) {
        return envelope(EventTypes.CALENDAR_CHANGED, source, time, Topics.calendarKey(data.year()), data);
    }

    private static CloudEvent envelope(String type, URI source, OffsetDateTime time, String subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type, time, subject,
                CloudEvent.JSON, MAPPER.valueToTree(data));
    }

    public static byte[] write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise event " + event.id(), e);
        }
    }

    /** Reads one record value; anything that is not a CloudEvent 1.0 with id, source, type and time is malformed. */
    public static CloudEvent read(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("empty record value");
        }
        CloudEvent event;
        try {
            event = MAPPER.readValue(value, CloudEvent.class);
        } catch (IOException e) {
            throw new MalformedEventException("not a CloudEvent in JSON: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("record value is JSON null");
        }
        requirePresent(event.specversion(), "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("unsupported specversion " + event.specversion());
        }
        requirePresent(event.id(), "id");
        requirePresent(event.source(), "source");
        requirePresent(event.type(), "type");
        requirePresent(event.time(), "time");
        return event;
    }

    public static DossierData dossierData(CloudEvent event) {
        DossierData data = dataAs(event, DossierData.class);
        requirePresent(data.dossierCode(), "data.dossierCode");
        requirePresent(data.unitCode(), "data.unitCode");
        requirePresent(data.receivedAt(), "data.receivedAt");
        return data;
    }

    public static AlertData alertData(CloudEvent event) {
        AlertData data = dataAs(event, AlertData.class);
        requirePresent(data.dossierCode(), "data.dossierCode");
        requirePresent(data.dueAt(), "data.dueAt");
        return data;
    }

    public static UnitData unitData(CloudEvent event) {
        UnitData data = dataAs(event, UnitData.class);
        requirePresent(data.code(), "data.code");
        requirePresent(data.name(), "data.name");
        requirePositive(data.version(), "data.version");
        return data;
    }

    public static ProcedureData procedureData(CloudEvent event) {
        ProcedureData data = dataAs(event, ProcedureData.class);
        requirePresent(data.code(), "data.code");
        requirePresent(data.processingTime(), "data.processingTime");
        requirePositive(data.version(), "data.version");
        return data;
    }

    public static CalendarData calendarData(CloudEvent event) {
        CalendarData data = dataAs(event, CalendarData.class);
        requirePositive(data.year(), "data.year");
        requirePresent(data.closedDays(), "data.closedDays");
        requirePositive(data.version(), "data.version");
        return data;
    }

    private static <T> T dataAs(CloudEvent event, Class<T> type) {
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " has no data object");
        }
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (IOException e) {
            throw new MalformedEventException("event " + event.id() + ": unreadable data: " + e.getMessage(), e);
        }
    }

    private static void requirePositive(long value, String field) {
        if (value <= 0) {
            throw new MalformedEventException("missing or non-positive " + field);
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new MalformedEventException("missing " + field);
        }
    }
}
