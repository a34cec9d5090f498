package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Projection;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.SettableClock;
import vn.motcua.testkit.TestBed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An instance killed between its writes is not restarted: the other instance's scheduled job finishes what it left
 * pending, once the delta is older than the configured age, and not before, and counts it once.
 */
@ExtendWith(RealInfrastructureExtension.class)
class PendingFinisherTest {

    private static final Instant NOW = OffsetDateTime.parse("2023-08-20T15:00:00+07:00").toInstant();
    private static final Duration AFTER = Duration.ofSeconds(30);

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void theOtherInstancesJobFinishesADeltaACrashedOneLeftPendingAndCountsItOnce() {
        SettableClock wall = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
        List<History> histories = new HistoryGenerator(71, NOW).generate("LEFT", 40);
        Projection survivor = new Projection(database, CrashPoint.NONE, wall);
        survivor.handler().handleBatch(Projection.consumed(Events.of(histories.subList(1, histories.size()))));

        // The crashed instance wrote a received dossier's delta to its totals documents (a quarter, a half and a
        // year: one bulk write) and died before its lists were marked or its delta cleared.
        Projection crashed = new Projection(database, where -> {
            if (where.equals(CrashPoint.TOTALS_APPLIED)) {
                throw new SimulatedKill();
            }
        }, wall);
        History first = histories.get(0);
        List<Events.Outgoing> received = Events.of(first).subList(0, 1);
        assertThatThrownBy(() -> crashed.oneByOne(Projection.consumed(received))).isInstanceOf(SimulatedKill.class);
        assertThat(survivor.pendingDeltas()).isEqualTo(1);
        assertThat(BatchEqualsOneByOneTest.nonEmpty(survivor.totals().all())).as("in, still pending")
                .isEqualTo(survivor.recount());

        PendingFinisher job = new PendingFinisher(survivor.projector(), AFTER);
        wall.advance(AFTER.minusSeconds(1));
        assertThat(job.run()).as("still young: its writer may be finishing it").isZero();
        assertThat(survivor.pendingDeltas()).isEqualTo(1);

        wall.advance(Duration.ofSeconds(2));
        assertThat(job.run()).isEqualTo(1);
        assertThat(survivor.pendingDeltas()).isZero();
        assertThat(BatchEqualsOneByOneTest.nonEmpty(survivor.totals().all())).as("not twice")
                .isEqualTo(survivor.recount());
        assertThat(job.run()).isZero();
    }

    /** A kill: not an exception anything would retry. */
    private static final class SimulatedKill extends Error {
        SimulatedKill() {
            super("killed", null, false, false);
        }
    }
}
