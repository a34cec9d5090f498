package vn.motcua.deadline.support;

import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream on a thread of its own and keeps what arrived. */
public final class SseClient implements AutoCloseable {

    /** @param id the SSE {@code id:} line of the event */
    public record Event(String name, String id, CloudEvent alert) {
    }

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    /** HTTP/1.1 as a browser's EventSource uses it on plain http (no h2c upgrade in between). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private volatile Stream<String> body;
    private volatile int status;
    private volatile boolean ended;

    public static SseClient open(URI uri) {
        return open(uri, null);
    }

    /** With {@code Last-Event-ID}, as a browser's EventSource sends it when it reconnects; null for none. */
    public static SseClient open(URI uri, String lastEventId) {
        return open(uri, lastEventId, Map.of());
    }

    /** With these request headers besides (a bearer token's {@code Authorization}). */
    public static SseClient open(URI uri, String lastEventId, Map<String, String> headers) {
        SseClient sse = new SseClient();
        // No request timeout: the body is an endless stream; the client's connect timeout bounds the connection.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        sse.client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            sse.status = response.statusCode();
            sse.body = response.body();
            Thread reader = new Thread(() -> sse.read(response.body()), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
        return sse;
    }

    private void read(Stream<String> stream) {
        String name = null;
        String id = null;
        try {
            for (String line : (Iterable<String>) stream::iterator) {
                lines.add(line);
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).trim();
                } else if (line.startsWith("data:")) {
                    String json = line.substring("data:".length()).trim();
                    events.add(new Event(name, id, EventCodec.read(json.getBytes(StandardCharsets.UTF_8))));
                } else if (line.isEmpty()) {
                    name = null;
                    id = null;
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by the test
        }
        ended = true;
    }

    /** True once the stream's body ended: the server (or the test) closed it. */
    public boolean hasEnded() {
        return ended;
    }

    public int status() {
        return status;
    }

    /** True once the server's opening comment arrived: alerts from now on will be delivered. */
    public boolean isSubscribed() {
        return lines.stream().anyMatch(line -> line.startsWith(":") && line.contains("subscribed"));
    }

    /** True once a heartbeat comment arrived. */
    public boolean heardKeepAlive() {
        return lines.stream().anyMatch(line -> line.startsWith(":") && line.contains("keep-alive"));
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Stream<String> stream = body;
        if (stream != null) {
            stream.close();
        }
    }
}
