package vn.motcua.deadline.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.events.CloudEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One open alert stream. Writes are asynchronous; {@code backlog} counts those the client has not taken yet, and
 * a client that falls more than the bound behind is disconnected rather than buffered for without end. While it is being
 * replayed to (after a Last-Event-ID), live alerts wait here and follow the replay, without the ones it repeated.
 */
final class StreamSubscriber {

    private final UnitFilter filter;
    private final String client;
    private final String user;
    private final SseEventSink sink;
    private final Sse sse;
    private final int maxBacklog;
    private final Consumer<StreamSubscriber> onDrop;
    private final Runnable disconnect;
    private final AtomicInteger backlog = new AtomicInteger();

    /** Live alerts held back during a replay; null once the stream is live. Guarded by this. */
    private List<Alert> waiting;
    private final Set<UUID> replayed = new HashSet<>();

    /** An alert on its way to streams: the event and its JSON exactly as published. */
    record Alert(CloudEvent event, String json) {
    }

    StreamSubscriber(UnitFilter filter, String client, String user, SseEventSink sink, Sse sse, int maxBacklog, boolean replaying,
                     Consumer<StreamSubscriber> onDrop, Runnable disconnect) {
        this.filter = filter;
        this.client = client;
        this.user = user;
        this.sink = sink;
        this.sse = sse;
        this.maxBacklog = maxBacklog;
        this.onDrop = onDrop;
        this.disconnect = disconnect;
        this.waiting = replaying ? new ArrayList<>() : null;
    }

    UnitFilter filter() {
        return filter;
    }

    String client() {
        return client;
    }

    String user() {
        return user;
    }

    boolean isClosed() {
        return sink.isClosed();
    }

    /** A live alert the filter covers: sent now, or after the replay. */
    synchronized void deliver(Alert alert) {
        if (waiting != null) {
            waiting.add(alert);
        } else {
            send(alert);
        }
    }

    /** An alert from the replay, sent at once and remembered so that its live copy is not sent twice. */
    synchronized void replay(Alert alert) {
        replayed.add(alert.event().id());
        send(alert);
    }

    /** The replay is over: the alerts that came meanwhile follow, and from now on alerts go out as they come. */
    synchronized void goLive() {
        if (waiting == null) {
            return;
        }
        for (Alert alert : waiting) {
            if (!replayed.contains(alert.event().id())) {
                send(alert);
            }
        }
        waiting = null;
        replayed.clear();
    }

    /**
     * Waits until the client has at most {@code events} writes outstanding; false if it has not within
     * {@code patience} or the stream closed meanwhile.
     */
    boolean awaitBacklogAtMost(int events, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (backlog.get() > events) {
            if (isClosed() || System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !isClosed();
    }

    void comment(String text) {
        write(sse.newEventBuilder().comment(text).build());
    }

    void close() {
        sink.close();
    }

    private void send(Alert alert) {
        write(sse.newEventBuilder().name(alert.event().type()).id(String.valueOf(alert.event().id()))
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, alert.json()).build());
    }

    private void write(OutboundSseEvent event) {
        if (backlog.incrementAndGet() > maxBacklog) {
            drop();
            return;
        }
        try {
            sink.send(event).whenComplete((ignored, failure) -> {
                backlog.decrementAndGet();
                if (failure != null) {
                    drop();
                }
            });
        } catch (RuntimeException closedMeanwhile) {
            drop();
        }
    }

    /** Ending the response alone would wait behind the writes the client does not take, on an open connection. */
    private void drop() {
        onDrop.accept(this);
        sink.close();
        disconnect.run();
    }
}
