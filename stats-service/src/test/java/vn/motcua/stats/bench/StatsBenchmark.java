package vn.motcua.stats.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.motcua.config.TopicsConfig;
import vn.motcua.stats.app.GenerationFollower;
import vn.motcua.stats.app.GenerationGraph;
import vn.motcua.stats.app.Generations;
import vn.motcua.stats.domain.GenerationState;
import vn.motcua.stats.messaging.StatsConsumer;
import vn.motcua.stats.store.GenerationControl;
import vn.motcua.stats.support.Catalogue;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.stats.app.BatchProjector;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.app.DossierProjector;
import vn.motcua.stats.app.Rebuild;
import vn.motcua.stats.app.RebuildResult;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.Observation;
import vn.motcua.stats.messaging.StatsEventHandler;
import vn.motcua.stats.store.DossierDocuments;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.History;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.testkit.TestBed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Throughput of the projection against a baseline measured in the same run: events applied per second into
 * MongoDB (the service's consumer loop, handler and exactly-once store) next to a bare KafkaConsumer reading the
 * same topic, and from it the catch-up time for a million events (extrapolated: the rate measured over this run's
 * events, on a database that grows; its {@code BENCH | …} lines are for the root {@code bench} script); and the
 * rebuild time over many dossier documents. Run: {@code ./mvnw -B -Pbench -pl stats-service
 * test-compile exec:java} (system properties {@code bench.dossiers}, {@code bench.rebuildDossiers}).
 */
public final class StatsBenchmark {

    private static final Instant NOW = OffsetDateTime.parse("2023-12-20T10:00:00+07:00").toInstant();
    private static final double CATCH_UP_EVENTS = 1_000_000;

    public static void main(String[] args) throws Exception {
        int dossiers = Integer.getInteger("bench.dossiers", 5_000);
        int rebuildDossiers = Integer.getInteger("bench.rebuildDossiers", 1_000_000);
        TestBed bed = TestBed.create();
        Map<String, Object> kafkaAdmin = bed.kafka().adminConnection();
        String dossierTopic = bed.topic("bench-dossier-events");
        String alertTopic = bed.topic("bench-deadline-alerts");

        List<History> histories = new HistoryGenerator(2026, NOW).generate("B", dossiers);
        List<Events.Outgoing> events = Events.of(histories);
        try (Producer<String, byte[]> producer = Events.producer(kafkaAdmin)) {
            Events.send(producer, dossierTopic, alertTopic, events);
        }
        System.out.printf("produced %d events of %d dossiers%n", events.size(), dossiers);

        double bare = bareConsumerRate(kafkaAdmin, List.of(dossierTopic, alertTopic), events.size());
        try (MongoClient client = MongoClients.create(bed.mongo().connectionString())) {
            MongoDatabase database = client.getDatabase(bed.mongoDatabase());
            double applied = projectionRate(kafkaAdmin, database, List.of(dossierTopic, alertTopic), events.size());
            System.out.printf("bare KafkaConsumer:        %,12.0f events/s%n", bare);
            System.out.printf("applied into MongoDB:      %,12.0f events/s%n", applied);
            System.out.printf("ratio applied / bare:      %12.4f%n", applied / bare);
            System.out.printf("BENCH | stats: events applied into MongoDB (consumer loop and store) | %,.0f events/s | "
                    + "%,.0f events/s bare KafkaConsumer | %.3f | - | -%n", applied, bare, applied / bare);
            double catchUpMinutes = CATCH_UP_EVENTS / applied / 60;
            System.out.printf("BENCH | stats: catch-up time for 1,000,000 events | %.1f min (extrapolated from %,.0f "
                    + "events/s over %,d events) | - | - | < 3 min | %s%n", catchUpMinutes, applied, events.size(),
                    catchUpMinutes < 3 ? "met" : "MISSED");

            rebuildFromTopic(bed, client, dossierTopic, alertTopic, dossiers, events.size(), bare);

            MongoDatabase big = client.getDatabase(bed.mongoDatabase() + "_rebuild");
            rebuild(big, rebuildDossiers);
        }
        System.exit(0);
    }

    private static double bareConsumerRate(Map<String, Object> kafkaAdmin, List<String> topics, int expected) {
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(KafkaClients.consumerConfig(kafkaAdmin, "bench-bare"))) {
            consumer.subscribe(topics);
            long started = System.nanoTime();
            int read = 0;
            while (read < expected) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
            consumer.commitSync();
            return read / seconds(started);
        }
    }

    private static double projectionRate(Map<String, Object> kafkaAdmin, MongoDatabase database, List<String> topics, int expected)
            throws InterruptedException {
        DossierProjector projector = new DossierProjector(new DossierStore(database), new TotalsStore(database),
                CrashPoint.NONE);
        projector.prepareCollections();
        try (Producer<String, byte[]> deadLetters = Events.producer(kafkaAdmin)) {
            long started = System.nanoTime();
            EventConsumerLoop loop = EventConsumerLoop.start("bench", KafkaClients.consumerConfig(kafkaAdmin, "bench-stats"),
                    topics, new StatsEventHandler(projector, new BatchProjector(new DossierStore(database),
                            new TotalsStore(database), projector, CrashPoint.NONE, java.time.Clock.systemUTC())),
                    new DeadLetters(deadLetters, "bench"));
            while (!topics.stream().allMatch(t -> IntStream.range(0, TestBed.PARTITIONS)
                    .allMatch(p -> loop.isCaughtUp(new TopicPartition(t, p))))) {
                Thread.sleep(20);
            }
            double rate = expected / seconds(started);
            loop.close();
            return rate;
        }
    }

    /**
     * The admin's rebuild from the topic, as the service runs it ({@link GenerationFollower}, {@link StatsConsumer}, {@link Generations}): once
     * generation 0 has caught up, a build of generation 1 (a new group from the topics' start, a new database) until
     * the flip, timed from the start of the build; against the bare consumer's rate on the same topics.
     */
    private static void rebuildFromTopic(TestBed bed, MongoClient client, String dossierTopic, String alertTopic,
                                         int dossiers, int events, double bare) throws InterruptedException {
        String catalogueTopic = bed.compactedTopic("bench-catalogue");
        Catalogue.publish(bed.kafka().adminConnection(), catalogueTopic, Catalogue.SA_DEC);
        TopicsConfig topics = new BenchTopics(dossierTopic, alertTopic, catalogueTopic);
        String base = bed.mongoDatabase() + "_generations";
        Generations generations = new Generations(new GenerationControl(client.getDatabase(base)),
                n -> GenerationGraph.on(n, client.getDatabase(base + GenerationState.suffix(n)), CrashPoint.NONE),
                Clock.systemUTC());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GenerationFollower follower = new GenerationFollower(generations,
                new StatsConsumer(topics, bed.kafka().adminConnection(), meters, Map.of()), "bench-generations");
        follower.start();
        try {
            // Generation 0 first reads the topics to their end, as a running service would have, so that the build
            // has the machine to itself.
            MongoCollection<Document> servedDossiers = client.getDatabase(base).getCollection("dossiers");
            while (servedDossiers.countDocuments() < dossiers || lag(meters) > 0) {
                Thread.sleep(200);
            }
            long started = System.nanoTime();
            generations.startBuilding();
            while (!follower.follow()) {
                Thread.sleep(100);
            }
            double took = seconds(started);
            System.out.printf("rebuild from the topic: %,d events in %.1f s (%,.0f events/s)%n", events, took,
                    events / took);
            System.out.printf("BENCH | stats: rebuild from the topic (new group, new database, to the flip) | %.1f s "
                    + "for %,d events (%,.0f events/s) | %,.0f events/s bare KafkaConsumer | %.3f | - | -%n", took, events,
                    events / took, bare, events / took / bare);
        } finally {
            follower.stop();
        }
    }

    /** Generation 0's totals loop: records not yet processed on its partitions, as its gauge reads them. */
    private static double lag(SimpleMeterRegistry meters) {
        return meters.get(ConsumerLoopGauges.LAG).tag("loop", StatsConsumer.TOTALS_LOOP).gauge().value();
    }

    private record BenchTopics(String dossierEvents, String deadlineAlerts, String catalogue) implements TopicsConfig {
    }

    /** Loads dossier documents straight into the collection (with no totals), then times a dry-run rebuild. */
    private static void rebuild(MongoDatabase database, int count) {
        MongoCollection<Document> dossiers = database.getCollection("dossiers");
        HistoryGenerator generator = new HistoryGenerator(99, NOW);
        long loadStarted = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            History h = generator.generate("R" + i, 1).get(0);
            DossierRecord record = DossierRecord.empty(h.code());
            for (Events.Outgoing o : Events.of(h)) {
                if (!o.alert()) {
                    record = record.withObservation(Observation.of(o.event(),
                            vn.motcua.events.EventCodec.dossierData(o.event())));
                }
            }
            batch.add(DossierDocuments.document(record, 1, record.facts(), null, null));
            if (batch.size() == 5_000) {
                dossiers.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            dossiers.insertMany(batch);
        }
        System.out.printf("loaded %,d dossier documents in %.1f s%n", count, seconds(loadStarted));
        DossierStore store = new DossierStore(database);
        TotalsStore totals = new TotalsStore(database);
        Rebuild rebuild = new Rebuild(new DossierProjector(store, totals, CrashPoint.NONE), store, totals);
        RebuildResult result = rebuild.run(true);
        System.out.printf("rebuild (dry run) over %,d dossiers: %.1f s, %,d totals documents recomputed (%,.0f dossiers/s)%n",
                result.dossiers(), result.tookMillis() / 1000.0, result.totalsDocuments(),
                result.dossiers() / (result.tookMillis() / 1000.0));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private StatsBenchmark() {
    }

}
