package vn.motcua.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code data} stays a JSON tree so that a reader can route on
 * {@code type} first and skip types it does not know; {@link EventCodec} turns it into the typed records.
 *
 * @param time when it happened at the one-stop shop (may lie in the past), not when it was published
 */
public record CloudEvent(
        String specversion,
        UUID id,
        URI source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    @JsonIgnore
    public boolean isDossierEvent() {
        return EventTypes.DOSSIER_TYPES.contains(type);
    }

    @JsonIgnore
    public boolean isCatalogueEvent() {
        return EventTypes.CATALOGUE_TYPES.contains(type);
    }

    @JsonIgnore
    public boolean isAlert() {
        return EventTypes.ALERT_TYPES.contains(type);
    }
}
