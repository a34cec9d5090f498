package vn.motcua.stats.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import vn.motcua.events.kafka.DeadLetters;
import vn.motcua.events.kafka.EventConsumerLoop;
import vn.motcua.events.kafka.KafkaClients;
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
 * same topic; and the rebuild time over many dossier documents. Run: {@code ./mvnw -B -Pbench -pl stats-service
 * test-compile exec:java} (system properties {@code bench.dossiers}, {@code bench.rebuildDossiers}).
 */
public final class StatsBenchmark {

    private static final Instant NOW = OffsetDateTime.parse("2023-12-20T10:00:00+07:00").toInstant();

    public static void main(String[] args) throws Exception {
        int dossiers = Integer.getInteger("bench.dossiers", 5_000);
        int rebuildDossiers = Integer.getInteger("bench.rebuildDossiers", 1_000_000);
        TestBed bed = TestBed.create();
        String bootstrap = bed.kafka().bootstrapServers();
        String dossierTopic = bed.topic("bench-dossier-events");
        String alertTopic = bed.topic("bench-deadline-alerts");

        List<History> histories = new HistoryGenerator(2026, NOW).generate("B", dossiers);
        List<Events.Outgoing> events = Events.of(histories);
        try (Producer<String, byte[]> producer = Events.producer(bootstrap)) {
            Events.send(producer, dossierTopic, alertTopic, events);
        }
        System.out.printf("produced %d events of %d dossiers%n", events.size(), dossiers);

        double bare = bareConsumerRate(bootstrap, List.of(dossierTopic, alertTopic), events.size());
        try (MongoClient client = MongoClients.create(bed.mongo().connectionString())) {
            MongoDatabase database = client.getDatabase(bed.mongoDatabase());
            double applied = projectionRate(bootstrap, database, List.of(dossierTopic, alertTopic), events.size());
            System.out.printf("bare KafkaConsumer:        %,12.0f events/s%n", bare);
            System.out.printf("applied into MongoDB:      %,12.0f events/s%n", applied);
            System.out.printf("ratio applied / bare:      %12.4f%n", applied / bare);

            MongoDatabase big = client.getDatabase(bed.mongoDatabase() + "_rebuild");
            rebuild(big, rebuildDossiers);
        }
        System.exit(0);
    }

    private static double bareConsumerRate(String bootstrap, List<String> topics, int expected) {
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(KafkaClients.consumerConfig(bootstrap, "bench-bare"))) {
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

    private static double projectionRate(String bootstrap, MongoDatabase database, List<String> topics, int expected)
            throws InterruptedException {
        DossierProjector projector = new DossierProjector(new DossierStore(database), new TotalsStore(database),
                CrashPoint.NONE);
        projector.prepareCollections();
        try (Producer<String, byte[]> deadLetters = Events.producer(bootstrap)) {
            long started = System.nanoTime();
            EventConsumerLoop loop = EventConsumerLoop.start("bench", KafkaClients.consumerConfig(bootstrap, "bench-stats"),
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
