package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A supervisor's client (with its bearer token) on deadline-service's alert stream: every {@code data:} line, as a CloudEvent tree. */
final class AlertStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    AlertStream(String url, String token) {
        this(url, token, null);
    }

    /** A reconnecting client: {@code lastEventId} is the id of the last alert it received (the SSE id is the alert's). */
    AlertStream(String url, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            answer.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> alerts.add(Http.json(line.substring(5).trim().getBytes(StandardCharsets.UTF_8))));
            ended.complete(null);
        }).exceptionally(failure -> {
            ended.complete(null);
            return null;
        });
    }

    /** Whether the server ended the stream (or it failed). */
    boolean ended() {
        return ended.isDone();
    }

    /** The status once the stream answered; the stream goes on in the background. */
    int status() throws Exception {
        return response.get().statusCode();
    }

    List<JsonNode> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
