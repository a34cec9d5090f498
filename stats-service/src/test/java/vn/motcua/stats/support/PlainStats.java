package vn.motcua.stats.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.BatchProjector;
import vn.motcua.stats.app.CatalogueUpdates;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.app.ReportService;
import vn.motcua.stats.app.TimeSweep;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.messaging.CatalogueEventHandler;
import vn.motcua.stats.messaging.StatsEventHandler;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.UnitStore;
import vn.motcua.testkit.TestBed;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The service's projection and consumer classes wired by hand, without Quarkus, on the testkit's real Kafka and
 * MongoDB wire server: what a process of the service holds, so that a test can "kill" it and start another.
 */
public final class PlainStats implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;
    private final Map<String, Object> kafkaAdmin;
    private final List<String> topics;
    private final String catalogueTopic;
    private final Producer<String, byte[]> deadLetterProducer;
    private final Clock clock;
    private EventConsumerLoop loop;
    private EventConsumerLoop catalogueLoop;

    /** {@code topics}: dossier events and alerts; {@code catalogueTopic}: where the units come from. */
    public PlainStats(TestBed bed, String database, List<String> topics, String catalogueTopic, Instant now) {
        this.client = MongoClients.create(bed.mongo().connectionString());
        this.database = client.getDatabase(database);
        this.kafkaAdmin = bed.kafka().adminConnection();
        this.topics = topics;
        this.catalogueTopic = catalogueTopic;
        this.deadLetterProducer = Events.producer(kafkaAdmin);
        this.clock = Clock.fixed(now, VietnamTime.ZONE);
    }

    public TotalsStore totals() {
        return new TotalsStore(database);
    }

    public DossierProjector projector(CrashPoint crashPoint) {
        return new DossierProjector(new DossierStore(database), totals(), crashPoint);
    }

    /** The handler the service's loop runs: batches, and one by one when a batch fails. */
    public StatsEventHandler handler(CrashPoint crashPoint) {
        DossierProjector projector = projector(crashPoint);
        return new StatsEventHandler(projector, new BatchProjector(new DossierStore(database), totals(), projector,
                crashPoint, Clock.systemUTC()));
    }

    /**
     * A process start: finish what the last one left, then consume with the service's group, and the catalogue
     * with a new group of its own, as the service does.
     */
    public void start(CrashPoint crashPoint) {
        start(crashPoint, 500);
    }

    /** As {@link #start(CrashPoint)}, with at most {@code maxPollRecords} events a poll, so a batch at most. */
    public void start(CrashPoint crashPoint, int maxPollRecords) {
        DossierProjector projector = projector(crashPoint);
        projector.prepareCollections();
        projector.finishAllPending();
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, "stats-test");
        Map<String, Object> config = new HashMap<>(KafkaClients.consumerConfig(kafkaAdmin, "stats-service"));
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        loop = EventConsumerLoop.start("stats-test", config, topics, handler(crashPoint), deadLetters);
        catalogueLoop = EventConsumerLoop.start("stats-test-catalogue",
                KafkaClients.consumerConfig(kafkaAdmin, "stats-service-catalogue-" + UUID.randomUUID()),
                List.of(catalogueTopic), new CatalogueEventHandler(
                        new CatalogueUpdates(new UnitStore(database), new ProcedureStore(database))), deadLetters);
    }

    public boolean isRunning() {
        return loop != null && loop.isRunning() && catalogueLoop != null && catalogueLoop.isRunning();
    }

    public boolean caughtUp() {
        return isRunning() && topics.stream().allMatch(topic -> caughtUp(loop, topic))
                && caughtUp(catalogueLoop, catalogueTopic);
    }

    private static boolean caughtUp(EventConsumerLoop loop, String topic) {
        return IntStream.range(0, TestBed.PARTITIONS).allMatch(p -> loop.isCaughtUp(new TopicPartition(topic, p)));
    }

    public void stop() {
        Stream.of(loop, catalogueLoop).filter(java.util.Objects::nonNull).forEach(EventConsumerLoop::close);
        loop = null;
        catalogueLoop = null;
    }

    /** The time sweep and the report reader, as the service runs them at {@code now}. */
    public ReportService reports() {
        new TimeSweep(new DossierStore(database), projector(CrashPoint.NONE), clock).run();
        return new ReportService(totals(), new UnitStore(database), new ProcedureStore(database), clock,
                PeriodConvention.CALENDAR);
    }

    @Override
    public void close() {
        stop();
        deadLetterProducer.close();
        client.close();
    }
}
