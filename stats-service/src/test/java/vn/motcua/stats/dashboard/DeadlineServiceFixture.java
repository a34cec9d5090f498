package vn.motcua.stats.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for deadline-service's two GET endpoints the dashboard reads (docs/contracts.md, "deadline-service"),
 * on another origin with CORS, as deadline-service serves them: {@code /api/deadlines/overdue?unit=} (the current list) and
 * {@code /api/alerts/stream?unit=} (Server-Sent Events: {@code event:} the alert type, {@code data:} the CloudEvent).
 * deadline-service is not in this module; the end-to-end run with the real one belongs to devstack.
 * Points {@code motcua.dashboard.alerts-base-url} at itself.
 */
public class DeadlineServiceFixture implements QuarkusTestResourceLifecycleManager {

    /** One open SSE connection and the unit it asked for ("" when none). */
    record Subscriber(String unit, OutputStream out) {
    }

    static final List<Subscriber> SUBSCRIBERS = new CopyOnWriteArrayList<>();
    static final List<String> STREAM_QUERIES = new CopyOnWriteArrayList<>();
    static volatile String overdueJson = "[]";

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "deadline-service-fixture");
            thread.setDaemon(true); // open SSE streams must not keep the test JVM alive
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/deadlines/overdue", exchange -> {
            byte[] body = overdueJson.getBytes(StandardCharsets.UTF_8);
            cors(exchange);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/api/alerts/stream", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            STREAM_QUERIES.add(query == null ? "" : query);
            cors(exchange);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String unit = query != null && query.startsWith("unit=") ? query.substring(5) : "";
            SUBSCRIBERS.add(new Subscriber(unit, out)); // held open; written by emit()
        });
        server.start();
        return Map.of("motcua.dashboard.alerts-base-url", "http://localhost:" + server.getAddress().getPort());
    }

    private static void cors(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    }

    /** Sends one alert to every open stream, as deadline-service does: {@code event: type}, {@code data: CloudEvent}. */
    static void emit(String type, String id, String dossierCode, String unitCode, String dueAt) {
        String cloudEvent = """
                {"specversion":"1.0","id":"%s","source":"/deadline-service","type":"%s","time":"%s",\
                "subject":"%s","datacontenttype":"application/json","data":{"dossierCode":"%s","unitCode":"%s",\
                "procedureCode":"1.004227","dueDate":"%s","dueAt":"%s","newAppointmentAt":null,"dossierSequence":1}}"""
                .formatted(id, type, dueAt, dossierCode, dossierCode, unitCode, dueAt.substring(0, 10), dueAt);
        byte[] frame = ("id: " + id + "\nevent: " + type + "\ndata: " + cloudEvent + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (Subscriber subscriber : SUBSCRIBERS) {
            try {
                subscriber.out().write(frame);
                subscriber.out().flush();
            } catch (IOException gone) {
                SUBSCRIBERS.remove(subscriber);
            }
        }
    }

    @Override
    public void stop() {
        for (Subscriber subscriber : SUBSCRIBERS) {
            try {
                subscriber.out().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        SUBSCRIBERS.clear();
        server.stop(0);
        executor.shutdownNow();
    }
}
