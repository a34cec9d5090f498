package vn.motcua.deadline;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.deadline.domain.AlertEvents;
import vn.motcua.deadline.api.AlertBroadcaster;
import vn.motcua.deadline.support.SseClient;
import vn.motcua.deadline.support.TightLimits;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert stream's limits on the wire, with the small limits of {@link TightLimits}: a client that stops reading
 * is dropped once its backlog passes {@code max-backlog} while a reading client keeps receiving, and the total cap
 * {@code max-connections} answers 429 in the problem+json shape. Alerts are handed to the broadcaster directly (the
 * topic's way there is covered by DeadlineServiceTest); each is some 32 KB, so a silent client's socket buffers
 * fill after some dozens.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@TestProfile(TightLimits.class)
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class AlertStreamLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(60); // generous: two busy cores can take tens of seconds
    /** Far more than a silent client's socket buffers and backlog hold together (500 × 32 KB = 16 MB). */
    private static final int AT_MOST = 500;
    private static final String PADDING = "P".repeat(32_000);

    @Inject
    AlertBroadcaster broadcaster;
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void noStreamOpen() {
        await().atMost(WAIT).until(() -> broadcaster.subscriberCount() == 0);
    }

    @Test
    void aClientThatStopsReadingIsDroppedPastItsBacklogWhileAReadingClientGetsEveryAlert() throws Exception {
        try (SseClient reading = SseClient.open(uri("/api/alerts/stream"))) {
            await().atMost(WAIT).until(() -> reading.isSubscribed() || reading.status() >= 400);
            assertThat(reading.status()).as("the reading client's stream opened").isEqualTo(200);
            try (Socket silent = openWithoutReading("/api/alerts/stream")) {
                await().atMost(WAIT).alias("the silent client subscribed").until(() -> broadcaster.subscriberCount() == 2);
                dropsTheSilentClientOnly(reading, silent);
            }
        }
    }

    private void dropsTheSilentClientOnly(SseClient reading, Socket silent) throws IOException {
        List<String> sent = new ArrayList<>();
        while (broadcaster.subscriberCount() == 2 && sent.size() < AT_MOST) {
            // One at a time, each waited for by the reading client: its own backlog stays near zero.
            sent.add(broadcastOne());
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> reading.events().size() == sent.size());
        }
        assertThat(broadcaster.subscriberCount()).as("the silent client is dropped within %d alerts", AT_MOST)
                .isEqualTo(1);
        System.out.printf("the silent client was dropped after %d alerts of %d bytes%n", sent.size(),
                PADDING.length());

        for (int i = 0; i < 5; i++) {
            sent.add(broadcastOne());
        }
        await().atMost(WAIT).until(() -> reading.events().size() == sent.size());
        assertThat(reading.events()).extracting(SseClient.Event::id).containsExactlyElementsOf(sent);

        // What reached the silent client's socket ends: the server closed its stream.
        int received = drainUntilClosed(silent);
        assertThat(received).isLessThan(sent.size());
    }

    @Test
    void streamsBeyondTheTotalCapAreRefusedWith429InTheProblemShape() throws Exception {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < TightLimits.MAX_CONNECTIONS; i++) {
                open.add(SseClient.open(uri("/api/alerts/stream")));
            }
            await().atMost(WAIT).until(() -> open.stream().allMatch(SseClient::isSubscribed));

            HttpResponse<String> refused = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(uri("/api/alerts/stream?unit=ALL")).header("Accept", "text/event-stream")
                            .build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            Map<String, Object> problem = EventCodec.mapper().readValue(refused.body(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            assertThat(problem).containsEntry("status", 429).containsEntry("title", "Too many requests")
                    .containsEntry("instance", "/api/alerts/stream").containsEntry("errors", List.of());
            assertThat(broadcaster.subscriberCount()).isEqualTo(TightLimits.MAX_CONNECTIONS);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    /** An alert of about 32 KB for every unit; answers its id as the stream's {@code id:} line carries it. */
    private String broadcastOne() {
        String code = "LIMITS-" + UUID.randomUUID();
        OffsetDateTime dueAt = OffsetDateTime.parse("2022-03-01T17:00:00+07:00");
        AlertData data = new AlertData(code, "SADEC-P1", PADDING, LocalDate.of(2022, 3, 1), dueAt, null, 1);
        CloudEvent alert = EventCodec.alert(EventTypes.OVERDUE, AlertEvents.SOURCE, dueAt.plusSeconds(1), data);
        broadcaster.broadcast(alert, data);
        return alert.id().toString();
    }

    /** A stream whose client reads nothing, with a small receive buffer so that the server's writes back up soon. */
    private Socket openWithoutReading(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4_096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads what the server had written until it closes the connection; answers the alerts among it. */
    private static int drainUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis()); // a stream still open fails the test here instead of hanging
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[65_536];
        InputStream in = socket.getInputStream();
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw new AssertionError("the silent client's stream was not closed", stillOpen);
        } catch (IOException reset) {
            // closed by a reset rather than an orderly end: closed all the same
        }
        return (int) text.toString().lines().filter(line -> line.startsWith("id:")).count();
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }
}
