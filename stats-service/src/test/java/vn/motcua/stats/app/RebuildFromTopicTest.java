package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.config.TopicsConfig;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.GenerationState;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.messaging.StatsConsumer;
import vn.motcua.stats.store.GenerationControl;
import vn.motcua.stats.support.Catalogue;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.Form06;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Projection;
import vn.motcua.stats.support.Recount;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild from the topics (docs/architecture.md, "Rebuild from the topic") with the service's own generation
 * classes and Kafka consumer, wired by hand on the testkit's real Kafka and MongoDB, one object graph per "process".
 * The control timer is the test's: it calls {@link GenerationFollower#follow()} when the scenario needs it, so the build can
 * be seen caught up and not yet served. Generation 0 holds a total planted wrong, which only it has: a report shows
 * which generation answered.
 */
@ExtendWith(RealInfrastructureExtension.class)
class RebuildFromTopicTest {

    private static final Instant NOW = OffsetDateTime.parse("2023-08-20T15:00:00+07:00").toInstant();
    private static final List<String> PERIODS = List.of("2022-H1", "2022-H2", "2022", "2023-H1", "2023-Q3");
    private static final TotalsKey PLANTED = new TotalsKey("SADEC-P1", "1.001612", "2022-H1");

    private TestBed bed;
    private MongoClient client;
    private String database;
    private TopicsConfig topics;
    private Producer<String, byte[]> producer;
    private final List<Instance> instances = new ArrayList<>();

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        client = MongoClients.create(bed.mongo().connectionString());
        String name = "rebuild" + bed.namespace().hashCode() + System.nanoTime() % 100_000;
        database = bed.mongoDatabase() + "_" + Integer.toHexString(name.hashCode());
        String dossierTopic = bed.topic(name + "-dossier-events");
        String alertTopic = bed.topic(name + "-deadline-alerts");
        String catalogueTopic = bed.compactedTopic(name + "-catalogue");
        Catalogue.publish(bed.kafka().adminConnection(), catalogueTopic, Catalogue.SA_DEC);
        topics = new TopicsConfig() {
            public String dossierEvents() {
                return dossierTopic;
            }

            public String deadlineAlerts() {
                return alertTopic;
            }

            public String catalogue() {
                return catalogueTopic;
            }
        };
        producer = Events.producer(bed.kafka().adminConnection());
    }

    @AfterEach
    void tearDown() {
        instances.forEach(Instance::stop);
        producer.close();
        client.close();
    }

    @Test
    void reportsComeFromTheOldGenerationUntilTheBuildCaughtUpThenFromTheNewOne() {
        List<History> histories = new HistoryGenerator(161, NOW).generate("REB", 150);
        send(histories);
        Instance one = start(CrashPoint.NONE);
        await().atMost(Duration.ofSeconds(60)).until(() -> one.servingCaughtUp() && one.consumer.catalogueLoaded());
        planWrongTotalInGenerationZero();
        assertThat(one.reportOf("2022-H1")).as("generation 0, planted total included")
                .isNotEqualTo(recount(histories, "2022-H1"));

        GenerationState started = one.generations.startBuilding();
        assertThat(started.serving()).isZero();
        assertThat(started.building()).isEqualTo(1L);
        assertThatThrownBy(one.generations::startBuilding).as("one build at a time")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(one.follower.follow()).as("the build's loops start; nothing has caught up yet").isFalse();
        assertThat(one.follower.building()).isNotNull();

        await().atMost(Duration.ofSeconds(60)).until(() -> one.follower.status().building().caughtUp());
        RebuildStatus building = one.follower.status();
        assertThat(building.serving()).isZero();
        assertThat(building.building().consumerGroup()).isEqualTo(one.group + "-g1");
        assertThat(building.building().partitions()).hasSize(2 * TestBed.PARTITIONS);
        assertThat(building.building().recordsRead()).isEqualTo(Events.of(histories).size());
        assertThat(one.reportOf("2022-H1")).as("caught up but not flipped: still generation 0")
                .isNotEqualTo(recount(histories, "2022-H1"));

        assertThat(one.follower.follow()).as("flipped by this call").isTrue();
        assertThat(one.generations.state()).satisfies(state -> {
            assertThat(state.serving()).isEqualTo(1);
            assertThat(state.isBuilding()).isFalse();
        });
        assertThat(one.generations.serving().number()).isEqualTo(1);
        assertThat(one.follower.building()).isNull();
        assertThat(one.consumer.isConsuming()).isTrue();
        assertMatchesRecount(one, histories);
        assertThat(withoutEmpty(new Projection(db(1)).totals().all())).as("generation 1 equals its own recount")
                .isEqualTo(new Projection(db(1)).recount());
        assertThat(new Projection(db(0)).totals().all().get(PLANTED).get(Counter.PENDING_OVERDUE))
                .as("generation 0 is left as it was").isGreaterThanOrEqualTo(1000);

        // Generation 1 is now consumed by the loops that built it; generation 0's loops have stopped.
        List<History> later = new HistoryGenerator(162, NOW).generate("LATER", 30);
        send(later);
        List<History> all = new ArrayList<>(histories);
        all.addAll(later);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertMatchesRecount(one, all));
        assertThat(new Projection(db(0)).dossiers()).as("generation 0 took nothing more")
                .hasSize(histories.size());
    }

    @Test
    void twoInstancesFlipOnceAndBothServeTheNewGeneration() throws Exception {
        List<History> histories = new HistoryGenerator(163, NOW).generate("TWO", 120);
        send(histories);
        Instance one = start(CrashPoint.NONE);
        Instance two = start(CrashPoint.NONE);
        await().atMost(Duration.ofSeconds(60)).until(() -> one.consumer.catalogueLoaded()
                && two.consumer.catalogueLoaded() && groupRead(one, histories));
        planWrongTotalInGenerationZero();

        two.generations.startBuilding();
        // Each instance's timer, at once and over and over, until both serve the new generation.
        AtomicInteger flips = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(one.follower::follow);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(two.follower::follow);
            flips.addAndGet((first.get() ? 1 : 0) + (second.get() ? 1 : 0));
            return one.generations.serving().number() == 1 && two.generations.serving().number() == 1;
        });
        assertThat(flips).as("exactly one instance flipped the control document").hasValue(1);
        assertThat(one.generations.state().serving()).isEqualTo(1);
        assertMatchesRecount(one, histories);
        assertMatchesRecount(two, histories);
        assertThat(one.consumer.dossierPartitions() + two.consumer.dossierPartitions())
                .as("the new generation's group shares the partitions").isEqualTo(2 * TestBed.PARTITIONS);
    }

    @Test
    void anInstanceKilledDuringTheBuildIsRestartedAndResumesIt() {
        List<History> histories = new HistoryGenerator(164, NOW).generate("KILL", 150);
        send(histories);
        AtomicInteger batches = new AtomicInteger();
        CrashPoint killedAtTheTenthBatch = where -> {
            // Deltas in the totals, not yet cleared from their dossiers: the restart finishes them. From the tenth
            // batch on, at the first one that left deltas pending (under load a poll may bring only records that
            // change no total, and a kill there would leave nothing to finish).
            if (where.equals(CrashPoint.BATCH_TOTALS_APPLIED) && batches.incrementAndGet() >= 10
                    && new Projection(db(1)).pendingDeltas() > 0) {
                throw new Killed();
            }
        };
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof Killed) && previous != null) {
                previous.uncaughtException(thread, e);
            }
        });
        try {
            Instance killed = start(killedAtTheTenthBatch);
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                    .until(killed.consumer::catalogueLoaded);
            killed.generations.startBuilding();
            killed.follower.follow();
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> !killed.follower.building().isRunning());
            killed.stop();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        RebuildStatus.Building halfway = statusOf(start(CrashPoint.NONE, false)).building();
        assertThat(halfway.generation()).isEqualTo(1);
        assertThat(halfway.recordsRead()).as("the group committed what it applied before the kill").isPositive();
        assertThat(halfway.lag()).as("and not the rest").isPositive();
        assertThat(new Projection(db(1)).pendingDeltas()).as("the kill left deltas half-applied").isPositive();

        Instance restarted = start(CrashPoint.NONE);
        assertThat(restarted.follower.building()).as("the control document still names the build")
                .isNotNull();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> restarted.follower.follow() || restarted.generations.serving().number() == 1);
        assertThat(restarted.generations.state().latest()).as("the same generation, not a new one").isEqualTo(1);
        assertThat(new Projection(db(1)).pendingDeltas()).isZero();
        assertMatchesRecount(restarted, histories);
    }

    private RebuildStatus statusOf(Instance notStarted) {
        RebuildStatus status = notStarted.follower.status();
        notStarted.stop();
        instances.remove(notStarted);
        return status;
    }

    private boolean groupRead(Instance instance, List<History> histories) {
        List<RebuildStatus.Partition> partitions = instance.consumer.progress(instance.group);
        return RebuildStatus.caughtUp(partitions)
                && partitions.stream().mapToLong(RebuildStatus.Partition::committed).sum()
                == Events.of(histories).size();
    }

    /**
     * A total in generation 0 that no dossier explains (as a bug or a hand edit would leave it): a thousand received
     * at the counter and overdue, so that the form's identities still hold.
     */
    private void planWrongTotalInGenerationZero() {
        Counts wrong = new Counts();
        wrong.add(Counter.NEW_DIRECT_OR_POSTAL, 1000).add(Counter.PENDING_OVERDUE, 1000);
        new Projection(db(0)).totals().adjust(PLANTED, wrong);
    }

    private void send(List<History> histories) {
        Events.send(producer, topics.dossierEvents(), topics.deadlineAlerts(), Events.of(histories));
    }

    private MongoDatabase db(long generation) {
        return client.getDatabase(database + GenerationState.suffix(generation));
    }

    private Instance start(CrashPoint buildCrashes) {
        return start(buildCrashes, true);
    }

    private Instance start(CrashPoint buildCrashes, boolean consume) {
        Instance instance = new Instance(buildCrashes);
        instances.add(instance);
        if (consume) {
            instance.follower.start();
        }
        return instance;
    }

    private static Form06 recount(List<History> histories, String period) {
        Period p = Period.parse(period).orElseThrow();
        return Recount.count(histories, Set.copyOf(HistoryGenerator.UNITS), p.from(), p.to(), NOW);
    }

    private static void assertMatchesRecount(Instance instance, List<History> histories) {
        for (String period : PERIODS) {
            assertThat(instance.reportOf(period)).as(period).isEqualTo(recount(histories, period));
        }
    }

    private static Map<TotalsKey, Counts> withoutEmpty(Map<TotalsKey, Counts> totals) {
        Map<TotalsKey, Counts> nonEmpty = new java.util.HashMap<>(totals);
        nonEmpty.values().removeIf(Counts::isEmpty);
        return nonEmpty;
    }

    /** One process of the service: its generations, its consumer (loops), its control timer, its reports. */
    private final class Instance {
        final String group = "stats-rebuild-" + Integer.toHexString(database.hashCode());
        final Clock clock = Clock.fixed(NOW, VietnamTime.ZONE);
        final Generations generations;
        final StatsConsumer consumer;
        final GenerationFollower follower;

        Instance(CrashPoint buildCrashes) {
            generations = new Generations(new GenerationControl(db(0)),
                    n -> GenerationGraph.on(n, db(n), n == 0 ? CrashPoint.NONE : buildCrashes), clock);
            // Small polls: a build takes many batches, so a kill can fall in its middle.
            consumer = new StatsConsumer(topics, bed.kafka().adminConnection(), new SimpleMeterRegistry(),
                    Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20));
            follower = new GenerationFollower(generations, consumer, group);
        }

        /** The ALL report of the generation served, after the time sweep at NOW, as the service's timer runs it. */
        Form06 reportOf(String period) {
            GenerationGraph serving = generations.serving();
            serving.sweep(clock).run();
            ReportService reports = new ReportService(serving.totals(), serving.units(), serving.procedures(), clock,
                    PeriodConvention.CALENDAR);
            return Form06.of(reports.report(reports.query(period, "ALL")));
        }

        boolean servingCaughtUp() {
            return consumer.isConsuming() && Set.of(topics.dossierEvents(), topics.deadlineAlerts()).stream()
                    .allMatch(topic -> IntStream.range(0, TestBed.PARTITIONS).allMatch(p ->
                            consumer.totalsLoop().isCaughtUp(new TopicPartition(topic, p))));
        }

        void stop() {
            follower.stop();
        }
    }

    /** A kill: not an exception the loop would retry, but the end of its thread, offsets uncommitted. */
    private static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }
}
