package vn.motcua.deadline;

import vn.motcua.testkit.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.domain.AlertEvents;
import vn.motcua.deadline.api.AlertBroadcaster;
import vn.motcua.deadline.messaging.AlertStreamConsumer;
import vn.motcua.deadline.support.Catalogue;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.SseClient;
import vn.motcua.deadline.support.Topic;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.Topics;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.Readiness;
import vn.motcua.security.Roles;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The service on the testkit's real Kafka and PostgreSQL, on the real clock: dossier events in, alerts out on the
 * topic and the SSE stream. Same test resources as ReadinessTest, so the application starts once for both. Sa
 * Đéc's units come the only way they can, over the catalogue topic, before the first test.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class DeadlineServiceTest {

    static final Duration WAIT = Duration.ofSeconds(60); // generous: two busy cores can take tens of seconds

    @Inject
    TopicsConfig topics;
    final Map<String, Object> kafkaAdmin = TestKafka.admin();
    @TestHTTPResource("/")
    URL base;
    @TestHTTPResource(value = "/", management = true)
    URL management;
    @Inject
    AlertStreamConsumer feed;
    @Inject
    DataSource dataSource;
    @Inject
    AlertBroadcaster broadcaster;
    @Inject
    DeadlineStore store;

    static Topic topic;
    static boolean unitsPublished;

    @BeforeAll
    static void noTopicYet() {
        topic = null;
        unitsPublished = false;
    }

    @BeforeEach
    void saDecKnown() {
        if (!unitsPublished) {
            Catalogue.publishUnits(topic(), topics.catalogue(), Catalogue.SA_DEC);
            unitsPublished = true;
        }
        eventually().untilAsserted(() -> Catalogue.SA_DEC.forEach(unit -> RestAssured.given()
                .queryParam("unit", unit.code()).get("/api/deadlines/overdue").then().statusCode(200)));
    }

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
        }
    }

    String dossierEvents() {
        return topics.dossierEvents();
    }

    String deadlineAlerts() {
        return topics.deadlineAlerts();
    }

    Topic topic() {
        if (topic == null) {
            topic = new Topic(kafkaAdmin);
        }
        return topic;
    }

    @Test
    void aDossierPastItsDueAtYieldsOneOverdueAlertOnTheTopicAndOnTheStreamOfItsUnits() throws Exception {
        String late = code("LATE");
        String other = code("OTHER");
        try (SseClient city = SseClient.open(uri("/api/alerts/stream?unit=SADEC"));
             SseClient ward1 = SseClient.open(uri("/api/alerts/stream?unit=SADEC-P1"))) {
            eventually().until(() -> city.isSubscribed() && ward1.isSubscribed() && feed.isLive());

            Instant now = now();
            topic().send(dossierEvents(), DossierEvent.of(late, "SADEC-P2", now.minusSeconds(3600)).received(1, now.plusSeconds(4)));
            eventually().until(() -> alertsFor(late, EventTypes.OVERDUE).size() == 1);
            assertThat(alertsFor(late, EventTypes.DUE_SOON)).hasSize(1);

            eventually().until(() -> city.events().stream()
                    .anyMatch(e -> e.name().equals(EventTypes.OVERDUE) && e.alert().subject().equals(late)));
            SseClient.Event streamedEvent = city.events().stream().filter(e -> e.name().equals(EventTypes.OVERDUE))
                    .filter(e -> e.alert().subject().equals(late)).findFirst().orElseThrow();
            CloudEvent streamed = streamedEvent.alert();
            CloudEvent onTopic = alertsFor(late, EventTypes.OVERDUE).get(0);
            assertThat(streamed.id()).isEqualTo(onTopic.id());
            // The SSE id is the alert's id, which is the one stored as sent and the one its key names.
            assertThat(streamedEvent.id()).isEqualTo(onTopic.id().toString());
            assertThat(storedAlertId(late, EventTypes.OVERDUE)).isEqualTo(onTopic.id());
            assertThat(onTopic.id()).isEqualTo(AlertEvents.alertId(late, EventTypes.OVERDUE,
                    EventCodec.alertData(onTopic).dueAt().toInstant()));
            assertThat(EventCodec.alertData(streamed).unitCode()).isEqualTo("SADEC-P2");

            // Ward 1's stream sees its own alerts and nothing of ward 2; alerts arrive in order on a stream.
            Instant later = now();
            topic().send(dossierEvents(), DossierEvent.of(other, "SADEC-P1", later.minusSeconds(3600)).received(1, later.plusSeconds(1)));
            eventually().until(() -> ward1.events().stream()
                    .anyMatch(e -> e.name().equals(EventTypes.OVERDUE) && e.alert().subject().equals(other)));
            assertThat(ward1.events()).noneMatch(e -> e.alert().subject().equals(late));
        }
        assertThat(alertsFor(late, EventTypes.OVERDUE)).hasSize(1);
    }

    @Test
    void resolvedWithdrawnAndPausedDossiersYieldNoOverdueAndAResumeShiftsTheDueDate() throws Exception {
        Instant now = now();
        Instant dueAt = now.plusSeconds(3);
        String resolved = code("RES");
        String withdrawn = code("WDR");
        String paused = code("PAU");
        String resumed = code("RSM");
        Instant firstDueAt = now.plus(Duration.ofHours(1));
        Instant shiftedDueAt = now.plusSeconds(4);
        DossierEvent r = dossier(resolved, now);
        DossierEvent w = dossier(withdrawn, now);
        DossierEvent p = dossier(paused, now);
        DossierEvent s = dossier(resumed, now);
        topic().sendAll(dossierEvents(), List.of(
                r.received(1, dueAt), r.resolved(2, now, dueAt),
                w.received(1, dueAt), w.withdrawn(2, now, dueAt),
                p.received(1, dueAt), p.supplementRequested(2, now, dueAt),
                s.received(1, firstDueAt), s.supplementRequested(2, now, firstDueAt),
                s.supplementReceived(3, now.plusMillis(10), shiftedDueAt)));

        eventually().until(() -> alertsFor(resumed, EventTypes.OVERDUE).size() == 1);
        assertThat(EventCodec.alertData(alertsFor(resumed, EventTypes.OVERDUE).get(0)).dueAt().toInstant())
                .isEqualTo(shiftedDueAt);
        eventually().until(() -> pendingAlerts(resolved, withdrawn, paused) == 0 && now().isAfter(dueAt));
        List<CloudEvent> all = topic().events(deadlineAlerts());
        assertThat(all).filteredOn(e -> e.type().equals(EventTypes.OVERDUE))
                .extracting(CloudEvent::subject).doesNotContain(resolved, withdrawn, paused);
        assertThat(all).filteredOn(e -> e.subject().equals(resumed))
                .allMatch(e -> EventCodec.alertData(e).dueAt().toInstant().equals(shiftedDueAt));

        RestAssured.given().queryParam("unit", "SADEC").get("/api/deadlines/overdue").then().statusCode(200)
                .body("code", hasItem(resumed))
                .body("code", not(hasItems(paused)))
                .body("code", not(hasItems(resolved)));
    }

    @Test
    void anApologysNewDatePassingYieldsAppointmentMissedAndTheOverdueListShowsTheDossier() {
        Instant now = now();
        String code = code("APO");
        DossierEvent dossier = DossierEvent.of(code, "SADEC-TKD", now.minus(Duration.ofDays(10)));
        Instant dueAt = now.minus(Duration.ofDays(1));
        Instant appointment = now.plusSeconds(2);
        topic().sendAll(dossierEvents(), List.of(dossier.received(1, dueAt),
                dossier.apology(2, now.minus(Duration.ofHours(20)), dueAt, appointment)));

        eventually().until(() -> alertsFor(code, EventTypes.APPOINTMENT_MISSED).size() == 1);
        assertThat(alertsFor(code, EventTypes.OVERDUE)).hasSize(1);
        assertThat(EventCodec.alertData(alertsFor(code, EventTypes.APPOINTMENT_MISSED).get(0)).dueAt().toInstant())
                .isEqualTo(appointment);

        var listed = RestAssured.given().queryParam("unit", "SADEC").get("/api/deadlines/overdue").then()
                .statusCode(200).contentType("application/json").extract().jsonPath();
        String item = "find { it.code == '" + code + "' }";
        assertThat(listed.getString(item + ".unitCode")).isEqualTo("SADEC-TKD");
        OffsetDateTime listedDueAt = OffsetDateTime.parse(listed.getString(item + ".dueAt"));
        assertThat(listedDueAt.toInstant()).isEqualTo(dueAt);
        assertThat(listedDueAt.getOffset().getId()).isEqualTo("+07:00");
        assertThat(OffsetDateTime.parse(listed.getString(item + ".newAppointmentAt")).toInstant()).isEqualTo(appointment);
        assertThat(listed.getString(item + ".dueDate")).isEqualTo(dueAt.atZone(VietnamTime.ZONE).toLocalDate().toString());
        RestAssured.given().queryParam("unit", "SADEC-P1").get("/api/deadlines/overdue").then().statusCode(200)
                .body("code", not(hasItem(code)));
        int port = RestAssured.port;
        RestAssured.port = management.getPort(); // health is on the management interface
        try {
            Readiness.assertUp("deadline-service dossier-events consumer");
        } finally {
            RestAssured.port = port;
        }
    }

    @Test
    void aReplayedBackfillResolvedOnTimeYieldsNoOverdueAlert() throws Exception {
        Instant received = OffsetDateTime.parse("2022-01-05T08:30:00+07:00").toInstant();
        Instant dueAt = OffsetDateTime.parse("2022-01-10T17:00:00+07:00").toInstant();
        List<CloudEvent> backfill = new ArrayList<>();
        List<String> onTime = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String code = code("BF" + i);
            onTime.add(code);
            DossierEvent dossier = DossierEvent.of(code, "SADEC-P3", received);
            backfill.add(dossier.received(1, dueAt));
            backfill.add(dossier.resolved(2, dueAt.minusSeconds(3600), dueAt));
        }
        String stillOpen = code("BF-OPEN");
        backfill.add(DossierEvent.of(stillOpen, "SADEC-P3", received).received(1, dueAt));
        topic().sendAll(dossierEvents(), backfill);

        eventually().until(() -> alertsFor(stillOpen, EventTypes.OVERDUE).size() == 1);
        eventually().until(() -> closedCount(onTime) == onTime.size());
        List<CloudEvent> all = topic().events(deadlineAlerts());
        assertThat(all).extracting(CloudEvent::subject).doesNotContainAnyElementsOf(onTime);
        assertThat(all).filteredOn(e -> e.subject().equals(stillOpen)).extracting(CloudEvent::type)
                .containsExactly(EventTypes.OVERDUE);
    }

    /**
     * dossier.due-date-changed: moved later, a dossier leaves the overdue list and no overdue alert goes out for the
     * old instant; moved earlier, it turns overdue and alerts for the new one; a stale change (lower sequence) is
     * ignored; the list shows whether the due date is provisional.
     */
    @Test
    void aDueDateChangeMovesTheOverdueListAndTheAlertsToTheNewDueInstant() throws Exception {
        Instant now = now();
        String later = code("DDL");
        String earlier = code("DDE");
        String stale = code("DDS");
        Instant oldDueAt = now.plusSeconds(4);
        Instant laterDueAt = now.plus(Duration.ofDays(3));
        Instant farDueAt = now.plus(Duration.ofDays(5));
        Instant earlierDueAt = now.minus(Duration.ofHours(2));
        DossierEvent l = DossierEvent.of(later, "SADEC-P4", now.minus(Duration.ofDays(2)));
        DossierEvent e = DossierEvent.of(earlier, "SADEC-P4", now.minus(Duration.ofDays(2)));
        DossierEvent s = DossierEvent.of(stale, "SADEC-P4", now.minus(Duration.ofDays(2)));
        topic().sendAll(dossierEvents(), List.of(
                DossierEvent.provisional(l.received(1, oldDueAt), true),
                l.dueDateChanged(2, now, oldDueAt, laterDueAt, false),
                DossierEvent.provisional(e.received(1, farDueAt), true),
                e.dueDateChanged(2, now, farDueAt, earlierDueAt, true),
                s.received(1, farDueAt),
                s.dueDateChanged(3, now, farDueAt, laterDueAt, false),
                s.dueDateChanged(2, now, farDueAt, earlierDueAt, true)));

        eventually().until(() -> alertsFor(earlier, EventTypes.OVERDUE).size() == 1);
        CloudEvent overdue = alertsFor(earlier, EventTypes.OVERDUE).get(0);
        assertThat(EventCodec.alertData(overdue).dueAt().toInstant()).isEqualTo(earlierDueAt);
        assertThat(EventCodec.alertData(overdue).dueDateProvisional()).isTrue();
        eventually().until(() -> query("select count(*) from deadlines where dossier_code = any (?) and last_sequence = 3",
                new String[]{stale}) == 1);

        var listed = RestAssured.given().queryParam("unit", "SADEC-P4").get("/api/deadlines/overdue").then()
                .statusCode(200).extract().jsonPath();
        assertThat(listed.getList("code", String.class)).contains(earlier).doesNotContain(later, stale);
        String item = "find { it.code == '" + earlier + "' }";
        assertThat(OffsetDateTime.parse(listed.getString(item + ".dueAt")).toInstant()).isEqualTo(earlierDueAt);
        assertThat(listed.getBoolean(item + ".dueDateProvisional")).isTrue();

        // past the old instant: the dossier moved later is not overdue and nothing was sent for that instant
        eventually().until(() -> now().isAfter(oldDueAt.plusSeconds(3)) && feed.isLive());
        RestAssured.given().queryParam("unit", "SADEC-P4").get("/api/deadlines/overdue").then().statusCode(200)
                .body("code", not(hasItems(later)));
        assertThat(alertsFor(later, EventTypes.OVERDUE)).isEmpty();
        assertThat(topic().events(deadlineAlerts())).filteredOn(a -> a.subject().equals(later))
                .allMatch(a -> EventCodec.alertData(a).dueAt().toInstant().equals(laterDueAt));
        assertThat(alertsFor(stale, EventTypes.OVERDUE)).as("the stale change to an earlier date is ignored").isEmpty();
        assertThat(query("select count(*) from deadlines where dossier_code = any (?) and due_at = '"
                + laterDueAt.atOffset(java.time.ZoneOffset.UTC) + "' and not due_date_provisional",
                new String[]{later, stale})).isEqualTo(2);

        // the flag is in the list also when false: a firm date once moved
        String firm = code("DDF");
        DossierEvent f = DossierEvent.of(firm, "SADEC-P4", now.minus(Duration.ofDays(2)));
        topic().sendAll(dossierEvents(), List.of(DossierEvent.provisional(f.received(1, farDueAt), true),
                f.dueDateChanged(2, now, farDueAt, earlierDueAt, false)));
        eventually().until(() -> alertsFor(firm, EventTypes.OVERDUE).size() == 1);
        var again = RestAssured.given().queryParam("unit", "SADEC-P4").get("/api/deadlines/overdue").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getBoolean("find { it.code == '" + firm + "' }.dueDateProvisional")).isFalse();
        assertThat(EventCodec.alertData(alertsFor(firm, EventTypes.OVERDUE).get(0)).dueDateProvisional()).isNull();
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() throws Exception {
        String key = code("DLQ");
        byte[] garbage = {(byte) 0xde, (byte) 0xad, 0x00, '{'};
        topic().sendBytes(dossierEvents(), key, garbage);
        CloudEvent noDueAt = dossier(key, now()).received(1, now());
        ((ObjectNode) noDueAt.data()).remove("dueAt");
        topic().send(dossierEvents(), noDueAt);
        topic().send(dossierEvents(), dossier(key, now()).received(1, now().plus(Duration.ofDays(5))));

        eventually().until(() -> closedOrOpen(key));
        List<ConsumerRecord<String, byte[]>> letters = topic().readAll(Topics.deadLetterTopic(dossierEvents())).stream()
                .filter(letter -> key.equals(letter.key())).toList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).value()).isEqualTo(garbage);
        assertThat(new String(letters.get(1).headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("dueAt");
    }

    @Test
    void aBadUnitIsAProblemNamingTheParameter() {
        for (String path : List.of("/api/deadlines/overdue", "/api/alerts/stream")) {
            RestAssured.given().queryParam("unit", "NOWHERE").get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors[0].field", equalTo("unit"));
        }
        RestAssured.given().queryParam("unit", "ALL").get("/api/deadlines/overdue").then().statusCode(200);
        RestAssured.get("/api/deadlines/overdue").then().statusCode(200);
        RestAssured.given().port(management.getPort()).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/alerts/stream"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/deadlines/overdue"));
    }

    @Test
    void theOverdueListComesInPagesLinkedByTheirLastDossierInAStableOrder() {
        Instant past = now().minus(Duration.ofHours(2));
        String prefix = code("PG");
        // Two share a dueAt: the code breaks the tie, so no page repeats or skips one of them.
        List<String> expected = List.of(prefix + "-1", prefix + "-2a", prefix + "-2b", prefix + "-3", prefix + "-4");
        List<Instant> dueAts = List.of(past, past.plusSeconds(60), past.plusSeconds(60), past.plusSeconds(120),
                past.plusSeconds(180));
        for (int i = expected.size() - 1; i >= 0; i--) {
            topic().send(dossierEvents(), DossierEvent.of(expected.get(i), "SADEC-TPD", past.minusSeconds(3600))
                    .received(1, dueAts.get(i)));
        }
        eventually().untilAsserted(() -> assertThat(RestAssured.given().queryParam("unit", "SADEC-TPD")
                .get("/api/deadlines/overdue").then().statusCode(200).extract().jsonPath().getList("code", String.class))
                .as("without parameters: the first page, all of them here").containsAll(expected));

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/api/deadlines/overdue?unit=SADEC-TPD&limit=2";
        while (next != null) {
            var page = RestAssured.given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract();
            List<String> codes = page.jsonPath().getList("code", String.class);
            listed.addAll(codes);
            sizes.add(codes.size());
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (link != null) {
                assertThat(link).endsWith("; rel=\"next\"");
            }
        }
        assertThat(listed.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(sizes).allMatch(size -> size <= 2).last().isNotEqualTo(0);

        for (String bad : List.of("0", "1001", "many")) {
            RestAssured.given().queryParam("limit", bad).get("/api/deadlines/overdue").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        RestAssured.given().queryParam("limit", "1000").get("/api/deadlines/overdue").then().statusCode(200);
        RestAssured.given().queryParam("after", "yesterday").get("/api/deadlines/overdue").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
    }

    @Test
    void aBadUnitIsAnsweredInTheOneErrorShapeOfTheSuite() {
        Map<String, String> messages = Map.of(
                "/api/deadlines/overdue?unit=NOWHERE", "unknown unit NOWHERE",
                "/api/alerts/stream?unit=SADEC%20P1", "must be a unit code such as SADEC, or ALL");
        messages.forEach((request, message) -> {
            Map<String, Object> problem = RestAssured.given().urlEncodingEnabled(false).get(request).then()
                    .statusCode(400).contentType("application/problem+json").extract().jsonPath().getMap("");
            assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors")
                    .containsEntry("type", "about:blank")
                    .containsEntry("title", "Invalid request")
                    .containsEntry("status", 400)
                    .containsEntry("instance", request.substring(0, request.indexOf('?')))
                    .containsEntry("errors", List.of(Map.of("field", "unit", "message", message)));
            assertThat((String) problem.get("detail")).isNotBlank();
        });
    }

    @Test
    void everyOpenStreamHearsTheHeartbeat() throws Exception {
        try (SseClient idle = SseClient.open(uri("/api/alerts/stream?unit=SADEC-TKD"))) {
            eventually().until(idle::isSubscribed);
            eventually().until(idle::heardKeepAlive);
            assertThat(idle.lines()).contains(": keep-alive");
        }
    }

    @Test
    void streamsAboveTheCapAreRefusedInTheOneProblemShapeUntilOneCloses() throws Exception {
        eventually().until(() -> broadcaster.subscriberCount() == 0);
        int cap = 3; // %test.motcua.alerts.stream.max-per-client: every test client has the same address
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) {
                streams.add(SseClient.open(uri("/api/alerts/stream")));
            }
            eventually().until(() -> streams.stream().allMatch(SseClient::isSubscribed));

            HttpResponse<String> refused = getOnce(uri("/api/alerts/stream?unit=SADEC"));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            Map<String, Object> problem = EventCodec.mapper().readValue(refused.body(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors")
                    .containsEntry("type", "about:blank")
                    .containsEntry("status", 429)
                    .containsEntry("instance", "/api/alerts/stream")
                    .containsEntry("errors", List.of());
            // No trusted proxy is configured: a client naming another address in forwarded headers is not believed.
            HttpResponse<String> disguised = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .sendAsync(HttpRequest.newBuilder(uri("/api/alerts/stream")).header("Accept", "text/event-stream")
                            .header("X-Forwarded-For", "198.51.100.23").header("Forwarded", "for=198.51.100.24")
                            .build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
            assertThat(disguised.statusCode()).isEqualTo(429);

            streams.remove(0).close();
            eventually().until(() -> broadcaster.subscriberCount() == cap - 1);
            SseClient again = SseClient.open(uri("/api/alerts/stream"));
            streams.add(again);
            eventually().until(again::isSubscribed);
            assertThat(again.status()).isEqualTo(200);
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissedThenTheLiveAlerts() throws Exception {
        Instant past = now().minus(Duration.ofHours(1));
        String a = code("RPA");
        String b = code("RPB");
        String elsewhere = code("RPX");
        String c = code("RPC");
        String d = code("RPD");
        String stream = "/api/alerts/stream?unit=SADEC-P2";
        CloudEvent first;
        try (SseClient before = SseClient.open(uri(stream))) {
            eventually().until(() -> before.isSubscribed() && feed.isLive());
            topic().send(dossierEvents(), DossierEvent.of(a, "SADEC-P2", past.minusSeconds(3600)).received(1, past));
            eventually().until(() -> before.events().stream().anyMatch(e -> e.alert().subject().equals(a)));
            first = before.events().stream().filter(e -> e.alert().subject().equals(a)).findFirst().orElseThrow().alert();
        }
        // Sent one after the other while the client is away; one of another ward that the filter leaves out.
        for (String[] dossier : List.of(new String[]{b, "SADEC-P2"}, new String[]{elsewhere, "SADEC-P1"},
                new String[]{c, "SADEC-P2"})) {
            topic().send(dossierEvents(), DossierEvent.of(dossier[0], dossier[1], past.minusSeconds(3600)).received(1, past));
            eventually().until(() -> alertsFor(dossier[0], EventTypes.OVERDUE).size() == 1);
        }

        List<String> ours = List.of(a, b, elsewhere, c, d);
        try (SseClient after = SseClient.open(uri(stream), first.id().toString())) {
            eventually().until(() -> subjects(after, ours).size() >= 2);
            assertThat(subjects(after, ours)).containsExactly(b, c);
            topic().send(dossierEvents(), DossierEvent.of(d, "SADEC-P2", past.minusSeconds(3600)).received(1, past));
            eventually().until(() -> subjects(after, ours).contains(d));
            assertThat(subjects(after, ours)).containsExactly(b, c, d);
        }
        try (SseClient unknown = SseClient.open(uri(stream), UUID.randomUUID().toString())) {
            eventually().until(unknown::isSubscribed);
            assertThat(unknown.events()).isEmpty();
        }
    }

    @Test
    void aReplayAfterABurstOfAnotherUnitsAlertsStillSendsTheStreamsOwn() throws Exception {
        Instant past = now().minus(Duration.ofHours(1));
        String stream = "/api/alerts/stream?unit=SADEC-P3";
        String seen = code("RBS");
        CloudEvent first;
        try (SseClient before = SseClient.open(uri(stream))) {
            eventually().until(() -> before.isSubscribed() && feed.isLive());
            topic().send(dossierEvents(), DossierEvent.of(seen, "SADEC-P3", past.minusSeconds(3600)).received(1, past));
            eventually().until(() -> before.events().stream().anyMatch(e -> e.alert().subject().equals(seen)));
            first = before.events().stream().filter(e -> e.alert().subject().equals(seen)).findFirst().orElseThrow()
                    .alert();
        }
        // More of another ward's alerts than a page holds, all sent before the ward's own.
        String burst = "BURST-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        OffsetDateTime dueAt = OffsetDateTime.parse("2022-03-01T17:00:00+07:00");
        store.inTransaction(transaction -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 1_100; i++) {
                AlertData data = new AlertData(burst + i, "SADEC-P1", null, dueAt.toLocalDate(), dueAt, null, 1);
                CloudEvent alert = EventCodec.alert(EventTypes.OVERDUE, AlertEvents.SOURCE, dueAt.plusSeconds(1), data);
                transaction.recordSent(burst + i, EventTypes.OVERDUE, dueAt.toInstant(), alert.id(),
                        new String(EventCodec.write(alert), StandardCharsets.UTF_8), dueAt.toInstant());
                ids.add(alert.id());
            }
            transaction.markPublished(ids, dueAt.toInstant());
            return null;
        });
        List<String> ours = List.of(code("RBA"), code("RBB"), code("RBC"));
        for (String dossier : ours) {
            topic().send(dossierEvents(), DossierEvent.of(dossier, "SADEC-P3", past.minusSeconds(3600)).received(1, past));
        }
        eventually().until(() -> query("select count(*) from alerts_sent where dossier_code = any (?) "
                + "and published_at is not null", ours.toArray(String[]::new)) == 3);

        try (SseClient after = SseClient.open(uri(stream), first.id().toString())) {
            eventually().until(() -> subjects(after, ours).size() == 3);
            assertThat(subjects(after, ours)).containsExactlyInAnyOrderElementsOf(ours);
            assertThat(after.events()).noneMatch(e -> e.alert().subject().startsWith(burst));
        }
    }

    private static List<String> subjects(SseClient client, List<String> ours) {
        return client.events().stream().map(e -> e.alert().subject()).filter(ours::contains).toList();
    }

    /** One GET with a timeout on the whole answer: a stream opened by mistake fails the test instead of hanging. */
    private static HttpResponse<String> getOnce(URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
    }

    private UUID storedAlertId(String code, String type) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select event_id from alerts_sent where dossier_code = ? and alert_type = ?")) {
            statement.setString(1, code);
            statement.setString(2, type);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    /** Polls every 250 ms: each poll reads the alerts topic from the start, which is not free on 2 cores. */
    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(250));
    }

    private List<CloudEvent> alertsFor(String code, String type) {
        return topic().events(deadlineAlerts()).stream()
                .filter(e -> e.subject().equals(code) && e.type().equals(type)).toList();
    }

    private long pendingAlerts(String... codes) throws Exception {
        return query("select count(*) from deadlines where dossier_code = any (?) and (next_alert_at is not null "
                + "or last_sequence < 2)", codes);
    }

    private long closedCount(List<String> codes) throws Exception {
        return query("select count(*) from deadlines where dossier_code = any (?) and status <> 'OPEN'",
                codes.toArray(String[]::new));
    }

    private boolean closedOrOpen(String code) throws Exception {
        return query("select count(*) from deadlines where dossier_code = any (?)", new String[]{code}) == 1;
    }

    private long query(String sql, String[] codes) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", codes));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static DossierEvent dossier(String code, Instant now) {
        return DossierEvent.of(code, "SADEC-P4", now.minusSeconds(3600));
    }

    /** Millisecond instants, as intake-service publishes them; PostgreSQL keeps microseconds. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve(path);
    }
}
