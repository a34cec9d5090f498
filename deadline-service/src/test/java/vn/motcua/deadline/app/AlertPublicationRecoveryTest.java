package vn.motcua.deadline.app;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.messaging.AlertPublisher;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.Settings;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.deadline.support.Topic;
import vn.motcua.events.CloudEvent;
import vn.motcua.kafka.KafkaClients;
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
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert recorded in {@code alerts_sent} but never marked published (a kill -9 or a lost ack between
 * the broker's append and the mark) is settled by the recovery once its lease is over: it reaches deadline-alerts,
 * and never twice by id. The crashes are publishers that fail right after the acks, or before sending anything.
 */
@ExtendWith(RealInfrastructureExtension.class)
class AlertPublicationRecoveryTest {

    static final Instant T0 = OffsetDateTime.parse("2022-03-01T08:00:00+07:00").toInstant();
    static final Duration LEASE = Duration.ofSeconds(45);
    static final int DOSSIERS = 12;

    final List<AutoCloseable> closeables = new ArrayList<>();
    TestBed bed;
    String alerts;
    AgroalDataSource dataSource;
    DeadlineStore store;
    SettableClock clock;
    Settings settings;
    Topic topic;

    @BeforeEach
    void setUp(TestBed bed, TestInfo test) throws Exception {
        // The bed (database, broker) is the class's: each test takes topics and a group of its own, empty tables.
        this.bed = bed;
        String name = test.getTestMethod().orElseThrow().getName();
        String events = bed.topic("dossier-events-" + name);
        alerts = bed.topic("deadline-alerts-" + name);
        dataSource = closing(TestDatabase.migrated(bed, 8));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate deadlines, alerts_sent");
        }
        store = new DeadlineStore(dataSource);
        clock = new SettableClock(T0);
        settings = Settings.of(events, alerts, "deadline-" + name + "-" + bed.namespace(),
                Map.of("motcua.alerts.due-soon-lead", "PT30M", "motcua.alerts.publish-lease", "45s"));
        topic = closing(new Topic(bed.kafka().adminConnection()));
        List<CloudEvent> received = IntStream.range(0, DOSSIERS)
                .mapToObj(i -> DossierEvent.of("REC-" + i, "SADEC-P1", T0.minus(Duration.ofDays(3)))
                        .received(1, T0.plus(Duration.ofHours(1))))
                .toList();
        topic.sendAll(events, received);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void crashAfterTheAckBeforeTheMarkIsNotSentAgain() throws Exception {
        DeadlineEngine crashing = closing(engine("crashing", (producer, name) -> new AlertPublisher(producer, name, kafkaAdmin()) {
            @Override
            protected void send(List<ProducerRecord<String, byte[]>> records) {
                super.send(records);
                throw new IllegalStateException("crash after the acks");
            }
        }));
        dueSoonTickUntilCrash(crashing);
        assertThat(topic.events(alerts)).hasSize(DOSSIERS);
        assertThat(unpublished()).isEqualTo(DOSSIERS);
        crashing.close();

        DeadlineEngine restarted = closing(engine("restarted", null));
        tickUntil(restarted, () -> Settings.loop(restarted).assignment().size() == TestBed.PARTITIONS);
        assertThat(unpublished()).as("within the lease the recovery leaves them alone").isEqualTo(DOSSIERS);

        clock.advance(LEASE.plusSeconds(1));
        tickUntil(restarted, () -> unpublished() == 0);
        assertOnTopicOnceEach(DOSSIERS);
    }

    @Test
    void crashAfterTheCommitBeforeAnySendIsSentOnce() throws Exception {
        DeadlineEngine crashing = closing(engine("crashing", (producer, name) -> new AlertPublisher(producer, name, kafkaAdmin()) {
            @Override
            protected void send(List<ProducerRecord<String, byte[]>> records) {
                throw new IllegalStateException("crash before the send");
            }
        }));
        dueSoonTickUntilCrash(crashing);
        assertThat(topic.events(alerts)).isEmpty();
        assertThat(unpublished()).isEqualTo(DOSSIERS);
        crashing.close();

        DeadlineEngine restarted = closing(engine("restarted", null));
        tickUntil(restarted, () -> Settings.loop(restarted).assignment().size() == TestBed.PARTITIONS);
        assertThat(topic.events(alerts)).isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        tickUntil(restarted, () -> unpublished() == 0);
        restarted.tick();
        assertOnTopicOnceEach(DOSSIERS);
    }

    @Test
    void twoRecoveriesAtOnceSendEachMissingAlertOnce() throws Exception {
        // Half the batch reaches the broker, then the crash: the recoveries must send exactly the other half.
        DeadlineEngine crashing = closing(engine("crashing", (producer, name) -> new AlertPublisher(producer, name, kafkaAdmin()) {
            @Override
            protected void send(List<ProducerRecord<String, byte[]>> records) {
                super.send(records.subList(0, records.size() / 2));
                throw new IllegalStateException("crash halfway");
            }
        }));
        dueSoonTickUntilCrash(crashing);
        assertThat(topic.events(alerts)).hasSize(DOSSIERS / 2);
        crashing.close();

        clock.advance(LEASE.plusSeconds(1));
        Set<Integer> every = IntStream.range(0, TestBed.PARTITIONS).boxed().collect(Collectors.toSet());
        AlertRecovery first = recovery();
        AlertRecovery second = recovery();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            while (unpublished() > 0) {
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> a = threads.submit(() -> { go.await(); return first.recover(every); });
                Future<Integer> b = threads.submit(() -> { go.await(); return second.recover(every); });
                go.countDown();
                assertThat(a.get() + b.get()).isLessThanOrEqualTo(DOSSIERS / 2);
            }
        } finally {
            threads.shutdownNow();
        }
        assertOnTopicOnceEach(DOSSIERS);
    }

    private AlertRecovery recovery() {
        Producer<String, byte[]> producer = closing(new KafkaProducer<>(
                KafkaClients.producerConfig(bed.kafka().adminConnection())));
        return new AlertRecovery(store, new AlertPublisher(producer, alerts, kafkaAdmin()), clock, LEASE);
    }

    private DeadlineEngine engine(String name, BiFunction<Producer<String, byte[]>, String, AlertPublisher> publishers) {
        return settings.startEngine(kafkaAdmin(), name, store, clock, publishers);
    }

    private Map<String, Object> kafkaAdmin() {
        return bed.kafka().adminConnection();
    }

    /** Every dossier's due-soon window open; ticks until the one tick that records them all fails in the publisher. */
    private void dueSoonTickUntilCrash(DeadlineEngine engine) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from deadlines") == DOSSIERS);
        clock.set(T0.plus(Duration.ofMinutes(45)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                engine.tick();
                return false;
            } catch (IllegalStateException e) {
                return e.getMessage().startsWith("crash");
            }
        });
        assertThat(count("select count(*) from alerts_sent")).isEqualTo(DOSSIERS);
    }

    private static void tickUntil(DeadlineEngine engine, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            engine.tick();
            return done.call();
        });
    }

    private void assertOnTopicOnceEach(int expected) throws Exception {
        List<CloudEvent> sent = topic.events(alerts);
        assertThat(sent.stream().map(CloudEvent::id).distinct()).hasSize(expected);
        assertThat(sent).hasSize(expected);
        assertThat(unpublished()).isZero();
    }

    private long unpublished() throws Exception {
        return count("select count(*) from alerts_sent where published_at is null");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }
}
