package vn.motcua.deadline.app;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.domain.AlertEvents;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.Settings;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.deadline.support.Topic;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.SettableClock;
import vn.motcua.testkit.TestBed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the engine (consumer + alert tick each) in one JVM, one database, one topic, one consumer
 * group; a third joins and the first leaves while alerts go out, so partitions move under running ticks.
 * Every (dossier, type, due instant) must appear exactly once on the alerts topic.
 */
@ExtendWith(RealInfrastructureExtension.class)
class TwoInstancesTest {

    static final int DOSSIERS = 3000;
    static final Instant T0 = OffsetDateTime.parse("2022-03-01T08:00:00+07:00").toInstant();

    final List<AutoCloseable> closeables = new ArrayList<>();
    final ScheduledExecutorService tickers = Executors.newScheduledThreadPool(3);

    @AfterEach
    void tearDown() throws Exception {
        tickers.shutdownNow();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void everyAlertExactlyOnceAcrossInstancesAndRebalances(TestBed bed) throws Exception {
        String events = bed.topic("dossier-events");
        String alerts = bed.topic("deadline-alerts");
        AgroalDataSource dataSource = closing(TestDatabase.migrated(bed, 8));
        DeadlineStore store = new DeadlineStore(dataSource);
        SettableClock clock = new SettableClock(T0);
        // Due-soon 30 minutes before dueAt, 200 rows a claim; the same settings for every instance.
        Settings settings = Settings.of(events, alerts, "deadline-" + bed.namespace(),
                Map.of("motcua.alerts.due-soon-lead", "PT30M", "motcua.alerts.batch-size", "200"));
        Topic topic = closing(new Topic(bed.kafka().adminConnection()));

        List<CloudEvent> published = new ArrayList<>();
        int resolved = 0;
        for (int i = 0; i < DOSSIERS; i++) {
            DossierEvent dossier = DossierEvent.of("TWO-" + i, "SADEC-P" + (1 + i % 4), T0.minus(Duration.ofDays(3)));
            Instant dueAt = T0.plus(Duration.ofHours(1)).plusMillis(50L * i);
            published.add(dossier.received(1, dueAt));
            if (i % 10 == 0) {
                published.add(dossier.resolved(2, T0.minusSeconds(60), dueAt));
                resolved++;
            }
        }
        int open = DOSSIERS - resolved;

        DeadlineEngine first = startEngine(bed, settings, "first", store, clock);
        topic.sendAll(events, published);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(dataSource, "select count(*) from deadlines") == DOSSIERS);

        // Due-soon window (lead 30 min) for every dossier: a second instance joins while the first is alerting.
        clock.set(T0.plus(Duration.ofMinutes(45)));
        DeadlineEngine second = startEngine(bed, settings, "second", store, clock);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> alertsOf(topic, alerts, EventTypes.DUE_SOON) >= open);

        // Past every dueAt: the first leaves and a third joins while overdue alerts go out.
        clock.set(T0.plus(Duration.ofHours(2)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> alertsOf(topic, alerts, EventTypes.OVERDUE) > 0);
        first.close();
        startEngine(bed, settings, "third", store, clock);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> alertsOf(topic, alerts, EventTypes.OVERDUE) >= open);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count(dataSource, "select count(*) from deadlines where next_alert_at is not null") == 0);
        assertThat(Settings.loop(second).isRunning()).isTrue();

        List<CloudEvent> sent = topic.events(alerts);
        Map<String, Long> perKey = sent.stream().collect(Collectors.groupingBy(TwoInstancesTest::key, Collectors.counting()));
        assertThat(perKey.values()).allMatch(n -> n == 1);
        assertThat(sent).hasSize(2 * open);
        assertThat(sent.stream().map(e -> e.subject())).noneMatch(code -> Integer.parseInt(code.substring(4)) % 10 == 0);
        assertThat(count(dataSource, "select count(*) from alerts_sent")).isEqualTo(2L * open);
        // Each one confirmed published by the tick that sent it: an instance leaving ends its tick first.
        assertThat(count(dataSource, "select count(*) from alerts_sent where published_at is null")).isZero();
        // Distinct by id too: each alert's id is the one its (dossier, type, due instant) names, and the one stored.
        assertThat(sent.stream().map(CloudEvent::id).distinct()).hasSize(2 * open);
        assertThat(sent).allMatch(e -> e.id().equals(
                AlertEvents.alertId(e.subject(), e.type(), EventCodec.alertData(e).dueAt().toInstant())));
        assertThat(storedIds(dataSource)).containsExactlyInAnyOrderElementsOf(sent.stream().map(CloudEvent::id).toList());
    }

    private DeadlineEngine startEngine(TestBed bed, Settings settings, String name, DeadlineStore store,
                                       SettableClock clock) {
        DeadlineEngine engine = closing(settings.startEngine(bed.kafka().adminConnection(), name, store, clock));
        tickers.scheduleWithFixedDelay(() -> {
            try {
                engine.tick();
            } catch (RuntimeException e) {
                // a closed engine or a rebalance mid-tick: the next tick or the other instance takes over
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        return engine;
    }

    private static String key(CloudEvent alert) {
        AlertData data = EventCodec.alertData(alert);
        return alert.subject() + "|" + alert.type() + "|" + data.dueAt().toInstant();
    }

    private static long alertsOf(Topic topic, String alerts, String type) {
        return topic.events(alerts).stream().filter(e -> e.type().equals(type)).count();
    }

    private static long count(AgroalDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<UUID> storedIds(AgroalDataSource dataSource) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select event_id from alerts_sent")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

}
