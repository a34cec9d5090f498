package vn.motcua.intake.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Appends a dossier event to the outbox, in the transaction that changes the dossier. */
@ApplicationScoped
public class Outbox {

    static final URI SOURCE = URI.create("/motcua/intake-service");

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    /** @param time when the step happened at the one-stop shop (the CloudEvent {@code time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, OffsetDateTime time, DossierData data) {
        OutboxEvent row = new OutboxEvent();
        row.dossierCode = data.dossierCode();
        row.sequence = data.sequence();
        row.type = type;
        row.payload = recordValue(type, time, data);
        row.createdAt = clock.instant();
        row.persist();
        written.fire(new OutboxWritten());
    }

    /** The record value the relay will publish: the CloudEvent in JSON. For writers that insert the row themselves. */
    public String recordValue(String type, OffsetDateTime time, DossierData data) {
        CloudEvent event = EventCodec.dossierEvent(type, SOURCE, time, data);
        return new String(EventCodec.write(event), StandardCharsets.UTF_8);
    }
}
