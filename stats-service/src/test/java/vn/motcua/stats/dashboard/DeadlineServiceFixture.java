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
import java.util.Set;
import java.net.URLDecoder;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for deadline-service's two GET endpoints the dashboard reads (docs/contracts.md, "deadline-service"),
 * on another origin with CORS, as deadline-service serves them: {@code /api/deadlines/overdue?unit=} (the current list) and
 * {@code /api/alerts/stream?unit=} (Server-Sent Events: {@code event:} the alert type, {@code data:} the CloudEvent).
 * deadline-service is not in this module; the end-to-end run with the real one belongs to devstack.
 * Points {@code motcua.dashboard.alerts-base-url} at itself.
 * <p>
 * Access as deadline-service answers the dashboard: with {@link #requireSession} both reads take the session cookie
 * that {@code /api/alerts/login?returnTo=} leaves (deadline-service's code flow, here without Keycloak's form) and
 * refuse with 401 problem+json without it, 403 for a unit outside {@link #sessionUnits}; CORS names the page's
 * origin and allows credentials, as deadline-service's does (a wildcard would make the browser drop the answer).
 */
public class DeadlineServiceFixture implements QuarkusTestResourceLifecycleManager {

    /** One open SSE connection and the unit it asked for ("" when none). */
    record Subscriber(String unit, OutputStream out) {
    }

    static final List<Subscriber> SUBSCRIBERS = new CopyOnWriteArrayList<>();
    static final List<String> STREAM_QUERIES = new CopyOnWriteArrayList<>();
    static volatile String overdueJson = "[]";
    static final String SESSION_COOKIE = "fixture_session";
    static volatile boolean requireSession = false;
    static volatile Set<String> sessionUnits = Set.of();
    static final List<String> RETURNS = new CopyOnWriteArrayList<>();

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
        server.createContext("/api/alerts/login", exchange -> backTo(exchange, SESSION_COOKIE + "=yes; Path=/; SameSite=Lax"));
        server.createContext("/api/alerts/logout", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")) { // as deadline-service: a link cannot log anyone out
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            backTo(exchange, SESSION_COOKIE + "=; Path=/; Max-Age=0; SameSite=Lax");
        });
        server.createContext("/api/deadlines/overdue", exchange -> {
            cors(exchange);
            if (refused(exchange)) {
                return;
            }
            byte[] body = overdueJson.getBytes(StandardCharsets.UTF_8);
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
            if (refused(exchange)) {
                return;
            }
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
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Access-Control-Allow-Credentials", "true");
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
    }

    /** 401 without the session cookie, 403 for a unit the session may not read; problem+json either way. */
    private static boolean refused(HttpExchange exchange) throws IOException {
        if (!requireSession) {
            return false;
        }
        String cookies = String.join(";", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
        boolean session = List.of(cookies.split(";\\s*")).contains(SESSION_COOKIE + "=yes");
        String query = exchange.getRequestURI().getQuery();
        String unit = query != null && query.startsWith("unit=") ? query.substring(5) : "";
        int status = !session ? 401 : unit.isEmpty() || sessionUnits.contains(unit) ? 0 : 403;
        if (status == 0) {
            return false;
        }
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"refused\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        if (status == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"motcua\"");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return true;
    }

    /** Login and logout: set or clear the session cookie and send the browser back where it came from. */
    private static void backTo(HttpExchange exchange, String cookie) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String returnTo = URLDecoder.decode(query.substring(query.indexOf("returnTo=") + 9), StandardCharsets.UTF_8);
        RETURNS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + returnTo);
        exchange.getResponseHeaders().set("Set-Cookie", cookie);
        exchange.getResponseHeaders().set("Location", returnTo);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** Sends one alert to every open stream, as deadline-service does: {@code event: type}, {@code data: CloudEvent}. */
    static void emit(String type, String id, String dossierCode, String unitCode, String dueAt) {
        emit(type, id, dossierCode, unitCode, dueAt, false);
    }

    /** The same, with {@code dueDateProvisional: true} in the alert's data when the due date is provisional. */
    static void emit(String type, String id, String dossierCode, String unitCode, String dueAt, boolean provisional) {
        String cloudEvent = """
                {"specversion":"1.0","id":"%s","source":"/deadline-service","type":"%s","time":"%s",\
                "subject":"%s","datacontenttype":"application/json","data":{"dossierCode":"%s","unitCode":"%s",\
                "procedureCode":"1.004227","dueDate":"%s","dueAt":"%s","newAppointmentAt":null,"dossierSequence":1%s}}"""
                .formatted(id, type, dueAt, dossierCode, dossierCode, unitCode, dueAt.substring(0, 10), dueAt,
                        provisional ? ",\"dueDateProvisional\":true" : "");
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
