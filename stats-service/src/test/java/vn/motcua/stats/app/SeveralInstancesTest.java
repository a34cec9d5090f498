package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.domain.Contributions;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.Observation;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.support.CrashSchedule;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Projection;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database apply the same events at the same time, one in batches front to back, the other
 * one by one back to front, and each is killed at random crash points. A killed instance stays down while the
 * other applies hundreds of deltas to the same hot totals documents (every dossier is of one ward and of 2022),
 * then starts again: finishes what is pending and redoes its uncommitted events. The totals must end as the
 * recount of the dossier documents, and as the pure fold of the histories.
 *
 * <p>With the earlier window of the last 200 delta ids per totals document, a delta finished after more than 200
 * others reached its document counted twice; the watermarks have no such window.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SeveralInstancesTest {

    private static final Instant NOW = OffsetDateTime.parse("2022-12-20T15:00:00+07:00").toInstant();
    private static final String HOT_UNIT = "SADEC-P1";
    /**
     * Events the survivor applies while the killed instance is down: hundreds of deltas on the hot documents, over
     * the old window of 200.
     */
    private static final int DOWN_FOR_EVENTS = 400;
    /** First where deltas are in the totals and still pending: the instance killed there finishes them late. */
    private static final List<String> BATCH_PLACES = List.of(CrashPoint.BATCH_TOTALS_APPLIED,
            CrashPoint.BATCH_PENDING_CLEARED, CrashPoint.BATCH_DOSSIERS_READ, CrashPoint.BATCH_DOSSIERS_WRITTEN);
    private static final List<String> ONE_BY_ONE_PLACES = List.of(CrashPoint.TOTALS_APPLIED,
            CrashPoint.PENDING_CLEARED, CrashPoint.DOSSIER_WRITTEN);

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "_several");
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void twoInstancesKilledAtEveryCrashPointEndWithTheRecount() {
        List<History> histories = new ArrayList<>();
        for (History h : new HistoryGenerator(81, NOW).generate("HOT", 600)) {
            histories.add(new History(h.code(), HOT_UNIT, h.channel(), h.onlineLevel(), h.receivedAt(), h.steps(),
                    h.alerts(), "1.001612"));
        }
        List<ConsumedEvent> frontToBack = Projection.consumed(Events.of(histories));
        List<ConsumedEvent> backToFront = new ArrayList<>();
        for (int i = histories.size() - 1; i >= 0; i--) {
            backToFront.addAll(Projection.consumed(Events.of(histories.get(i))));
        }

        Instance batches = new Instance("batches", frontToBack, 40, true, new Random(91));
        Instance oneByOne = new Instance("one-by-one", backToFront, 8, false, new Random(92));
        batches.other = oneByOne;
        oneByOne.other = batches;
        CompletableFuture<Void> first = CompletableFuture.runAsync(batches::run);
        CompletableFuture<Void> second = CompletableFuture.runAsync(oneByOne::run);
        CompletableFuture.allOf(first, second).join();

        Set<String> places = new HashSet<>(batches.crashes.places());
        places.addAll(oneByOne.crashes.places());
        assertThat(places).as("killed at every crash point of both paths").contains(CrashPoint.DOSSIER_WRITTEN,
                CrashPoint.TOTALS_APPLIED, CrashPoint.PENDING_CLEARED, CrashPoint.BATCH_DOSSIERS_READ,
                CrashPoint.BATCH_DOSSIERS_WRITTEN, CrashPoint.BATCH_TOTALS_APPLIED, CrashPoint.BATCH_PENDING_CLEARED);
        assertThat(batches.crashes.crashed() + oneByOne.crashes.crashed()).isGreaterThanOrEqualTo(20);

        Projection after = new Projection(database);
        assertThat(after.pendingDeltas()).as("every killed instance finished its deltas when it started again")
                .isZero();
        Map<TotalsKey, Counts> running = BatchEqualsOneByOneTest.nonEmpty(after.totals().all());
        assertThat(running).isEqualTo(after.recount()).isEqualTo(fold(histories));
        assertThat(BatchRacesTest.received(after, new TotalsKey(HOT_UNIT, "1.001612", "2022")))
                .as("one hot document took a delta of each of over 300 dossiers").isGreaterThan(300);
    }

    /** The totals as the pure function says, from each history's events folded in memory. */
    private static Map<TotalsKey, Counts> fold(List<History> histories) {
        Map<TotalsKey, Counts> totals = new HashMap<>();
        for (History h : histories) {
            DossierRecord dossier = DossierRecord.empty(h.code());
            for (Events.Outgoing o : Events.of(h)) {
                dossier = o.alert() ? dossier.tickedTo(o.event().time().toInstant())
                        : dossier.withObservation(Observation.of(o.event(), EventCodec.dossierData(o.event())));
            }
            Contributions.of(dossier.facts()).forEach((key, counts) ->
                    totals.computeIfAbsent(key, k -> new Counts()).addAll(counts));
        }
        return totals;
    }

    /**
     * One process of the service: applies its stream a poll at a time (committed after the effect); killed, it
     * waits until the other has applied {@link #DOWN_FOR_EVENTS} more events (or is down or done too), starts
     * again, finishes what is pending and redoes the poll it was in.
     */
    private final class Instance {
        final String name;
        final List<List<ConsumedEvent>> polls = new ArrayList<>();
        final boolean batched;
        final CrashSchedule crashes;
        final AtomicInteger applied = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        volatile boolean done;
        Instance other;
        private final Projection projection;

        Instance(String name, List<ConsumedEvent> stream, int maxPoll, boolean batched, Random random) {
            this.name = name;
            this.batched = batched;
            for (int from = 0; from < stream.size(); ) {
                int to = Math.min(stream.size(), from + 1 + random.nextInt(maxPoll));
                polls.add(stream.subList(from, to));
                from = to;
            }
            this.crashes = new CrashSchedule(random, batched ? BATCH_PLACES : ONE_BY_ONE_PLACES, 12, 3);
            this.projection = new Projection(database, crashes, Clock.systemUTC());
        }

        void run() {
            try {
                startAgain();
                int next = 0;
                while (next < polls.size()) {
                    List<ConsumedEvent> poll = polls.get(next);
                    try {
                        if (batched) {
                            projection.handler().handleBatch(poll);
                        } else {
                            projection.oneByOne(poll);
                        }
                        applied.addAndGet(poll.size());
                        next++;
                    } catch (CrashSchedule.SimulatedCrash killed) {
                        stayDown();
                        startAgain();
                    }
                }
            } finally {
                done = true;
            }
        }

        private void stayDown() {
            down.set(true);
            int mark = other.applied.get();
            await(name + " down").atMost(Duration.ofMinutes(2)).until(() ->
                    other.applied.get() >= mark + DOWN_FOR_EVENTS || other.down.get() || other.done);
            down.set(false);
        }

        private void startAgain() {
            retryWhileKilled(projector -> projector.finishAllPending());
        }

        private void retryWhileKilled(Consumer<DossierProjector> step) {
            while (true) {
                try {
                    step.accept(projection.projector());
                    return;
                } catch (CrashSchedule.SimulatedCrash killedAgain) {
                    // killed while finishing the last one's deltas: start once more
                }
            }
        }
    }
}
