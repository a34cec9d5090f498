package vn.motcua.intake.app;

import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** What every CloudEvent of intake-service shares: its source, and its JSON text as an outbox row holds it. */
final class EventValues {

    static final URI SOURCE = URI.create("/motcua/intake-service");

    private EventValues() {
    }

    static String json(CloudEvent event) {
        return new String(EventCodec.write(event), StandardCharsets.UTF_8);
    }
}
