package vn.motcua.stats.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.app.ReportService;
import vn.motcua.stats.app.TimeSweep;
import vn.motcua.stats.domain.UnitCatalogue;
import vn.motcua.stats.messaging.StatsEventHandler;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.testkit.TestBed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The service's projection and consumer classes wired by hand, without Quarkus, on the testkit's real Kafka and
 * MongoDB wire server: what a process of the service holds, so that a test can "kill" it and start another.
 */
public final class PlainStats implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;
    private final String bootstrap;
    private final List<String> topics;
    private final Producer<String, byte[]> deadLetterProducer;
    private final Clock clock;
    private EventConsumerLoop loop;

    public PlainStats(TestBed bed, String database, List<String> topics, Instant now) {
        this.client = MongoClients.create(bed.mongo().connectionString());
        this.database = client.getDatabase(database);
        this.bootstrap = bed.kafka().bootstrapServers();
        this.topics = topics;
        this.deadLetterProducer = Events.producer(bootstrap);
        this.clock = Clock.fixed(now, VietnamTime.ZONE);
    }

    public TotalsStore totals() {
        return new TotalsStore(database);
    }

    public DossierProjector projector(CrashPoint crashPoint) {
        return new DossierProjector(new DossierStore(database), totals(), crashPoint);
    }

    /** A process start: finish what the last one left, then consume with the service's group. */
    public void start(CrashPoint crashPoint) {
        DossierProjector projector = projector(crashPoint);
        projector.ensureIndexes();
        projector.finishAllPending();
        loop = EventConsumerLoop.start("stats-test", KafkaClients.consumerConfig(bootstrap, "stats-service"),
                topics, new StatsEventHandler(projector), new DeadLetters(deadLetterProducer, "stats-test"));
    }

    public boolean isRunning() {
        return loop != null && loop.isRunning();
    }

    public boolean caughtUp() {
        return isRunning() && topics.stream().allMatch(topic -> IntStream.range(0, TestBed.PARTITIONS)
                .allMatch(p -> loop.isCaughtUp(new TopicPartition(topic, p))));
    }

    public void stop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    /** The time sweep and the report reader, as the service runs them at {@code now}. */
    public ReportService reports() {
        new TimeSweep(new DossierStore(database), projector(CrashPoint.NONE), clock).run();
        return new ReportService(totals(), UnitCatalogue.fromResource("units.csv"), clock);
    }

    @Override
    public void close() {
        stop();
        deadLetterProducer.close();
        client.close();
    }
}
