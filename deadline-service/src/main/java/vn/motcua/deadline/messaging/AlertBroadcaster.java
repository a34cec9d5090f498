package vn.motcua.deadline.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import vn.motcua.deadline.app.UnitDirectory;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each alert to the open SSE streams whose unit covers the alert's unit, by the tree as it stands when the
 * alert comes: a ward added or moved under a subscriber's unit after it subscribed is covered from then on.
 */
@ApplicationScoped
public class AlertBroadcaster {

    private final UnitDirectory units;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public AlertBroadcaster(UnitDirectory units) {
        this.units = units;
    }

    public void subscribe(UnitFilter filter, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(filter, sink, sse);
        subscribers.add(subscriber);
        // A comment first, so the client has the response headers and knows it is subscribed.
        send(subscriber, sse.newEventBuilder().comment("subscribed").build());
    }

    public void broadcast(CloudEvent alert, AlertData data) {
        String json = new String(EventCodec.write(alert), StandardCharsets.UTF_8);
        Set<String> lineage = null; // the alert's unit and those above it, read once and only if a filter needs it
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                subscribers.remove(subscriber);
                continue;
            }
            if (!subscriber.filter().isAll() && lineage == null) {
                lineage = units.lineage(data.unitCode());
            }
            if (subscriber.filter().covers(lineage)) {
                send(subscriber, subscriber.sse().newEventBuilder().name(alert.type()).id(String.valueOf(alert.id()))
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json).build());
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        subscriber.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                subscribers.remove(subscriber);
                subscriber.sink().close();
            }
        });
    }

    private record Subscriber(UnitFilter filter, SseEventSink sink, Sse sse) {
    }
}
