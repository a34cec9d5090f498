package vn.motcua.deadline.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands each alert to the open SSE streams whose unit scope includes the alert's unit. */
@ApplicationScoped
public class AlertBroadcaster {

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(UnitScope scope, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(scope, sink, sse);
        subscribers.add(subscriber);
        // A comment first, so the client has the response headers and knows it is subscribed.
        send(subscriber, sse.newEventBuilder().comment("subscribed").build());
    }

    public void broadcast(CloudEvent alert, AlertData data) {
        String json = new String(EventCodec.write(alert), StandardCharsets.UTF_8);
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                subscribers.remove(subscriber);
            } else if (subscriber.scope().includes(data.unitCode())) {
                send(subscriber, subscriber.sse().newEventBuilder().name(alert.type()).id(String.valueOf(alert.id()))
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json).build());
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void send(Subscriber subscriber, jakarta.ws.rs.sse.OutboundSseEvent event) {
        subscriber.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                subscribers.remove(subscriber);
                subscriber.sink().close();
            }
        });
    }

    private record Subscriber(UnitScope scope, SseEventSink sink, Sse sse) {
    }
}
