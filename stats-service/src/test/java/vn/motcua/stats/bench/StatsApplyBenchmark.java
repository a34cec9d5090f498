package vn.motcua.stats.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.app.CrashPoint;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.HistoryGenerator;
import vn.motcua.stats.support.Projection;
import vn.motcua.testkit.TestBed;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * What the exactly-once protocol costs when it applies a poll's worth at once: events per second of the batch
 * path ({@code StatsEventHandler.handleBatch}: one find, one bulk write of dossiers, one of totals, one unset per
 * poll) against a baseline run alongside it on the same MongoDB server, plain bulk upserts of the same events in
 * the same polls (one upsert per event by {@code _id}, no projection, no guard, no totals); and the one-by-one
 * path for scale. After a warm-up, each round runs the three on fresh databases. Prints rates and ratios, where the
 * batch path's time goes (between its crash points), what the version guard alone costs on this server, and the
 * figure's {@code BENCH | …} line for the root {@code bench} script; asserts nothing. Run: {@code ./mvnw -B -Pbench -pl stats-service test-compile exec:java
 * -Dbench.main=vn.motcua.stats.bench.StatsApplyBenchmark}; options {@code -Dbench.dossiers=3000},
 * {@code -Dbench.poll=500}, {@code -Dbench.rounds=3}, {@code -Dbench.oneByOne=true}. Then {@link OneDocument}: the
 * totals write's rate into one document that has counted 100,000 dossiers against one that has counted 1,000.
 *
 * <p>On the testkit's mongo-java-server, a filter of more than {@code _id} scans the collection unless a unique index
 * has exactly the filter's fields; MongoDB itself answers any of them from the {@code _id} index. The stores' guards
 * are therefore equalities on {@code (_id, version)} and {@code (_id, rev)} with indexes of their own; the guard
 * cost lines show the difference.
 */
public final class StatsApplyBenchmark {

    private static final Instant NOW = OffsetDateTime.parse("2023-12-20T10:00:00+07:00").toInstant();
    private static final int DOSSIERS = Integer.getInteger("bench.dossiers", 3_000);
    private static final int POLL = Integer.getInteger("bench.poll", 500);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final boolean ONE_BY_ONE = Boolean.parseBoolean(System.getProperty("bench.oneByOne", "true"));

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status); // the embedded servers stop in shutdown hooks
    }

    private static void run() {
        TestBed bed = TestBed.create();
        try (MongoClient client = MongoClients.create(bed.mongo().connectionString())) {
            List<List<ConsumedEvent>> warmUp = polls("W", 300);
            measure(client, bed, "warm-up", warmUp, new PhaseClock());

            PhaseClock phases = new PhaseClock();
            double batch = 0;
            double baseline = 0;
            double oneByOne = 0;
            long events = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                List<List<ConsumedEvent>> polls = polls("R" + round, DOSSIERS);
                Rates rates = measure(client, bed, "round-" + round, polls, phases);
                batch += rates.batchSeconds;
                baseline += rates.baselineSeconds;
                oneByOne += rates.oneByOneSeconds;
                events += rates.events;
            }
            System.out.printf("%d rounds of %,d dossiers (%,d events in all), polls of %d events%n", ROUNDS,
                    DOSSIERS, events, POLL);
            System.out.printf("plain bulk upserts (baseline): %,12.0f events/s%n", events / baseline);
            System.out.printf("batch apply, exactly once:     %,12.0f events/s%n", events / batch);
            System.out.printf("ratio batch / baseline:        %12.3f%n", baseline / batch);
            if (ONE_BY_ONE) {
                System.out.printf("one-by-one apply:              %,12.0f events/s%n", events / oneByOne);
                System.out.printf("ratio batch / one-by-one:      %12.3f%n", oneByOne / batch);
            }
            phases.print();
            guardCost(client, bed, DOSSIERS);
            System.out.printf("BENCH | stats: batch apply, exactly once | %,.0f events/s | %,.0f events/s plain bulk "
                    + "upserts | %.3f | >= 0.50 | %s%n", events / batch, events / baseline, baseline / batch,
                    baseline / batch >= 0.50 ? "met" : "MISSED");
            OneDocument.measure(client.getDatabase(bed.mongoDatabase() + "_one_document"));
        }
    }

    /** Time spent between the batch path's crash points, summed over the rounds: where a batch's time goes. */
    private static final class PhaseClock implements CrashPoint {

        private static final List<String> PLACES = List.of(CrashPoint.BATCH_DOSSIERS_READ,
                CrashPoint.BATCH_DOSSIERS_WRITTEN, CrashPoint.BATCH_TOTALS_APPLIED, CrashPoint.BATCH_PENDING_CLEARED);
        private static final List<String> NAMES = List.of(
                "decode, find dossiers, project, read totals states", "bulk write of dossiers",
                "bulk write of totals", "bulk unset of pending deltas (refused shares one by one)",
                "dossiers redone one by one");

        private final long[] nanos = new long[PLACES.size() + 1];
        private long last;

        void start() {
            last = System.nanoTime();
        }

        @Override
        public void reached(String where) {
            int phase = PLACES.indexOf(where);
            if (phase >= 0) {
                long now = System.nanoTime();
                nanos[phase] += now - last;
                last = now;
            }
        }

        void end() {
            nanos[PLACES.size()] += System.nanoTime() - last;
        }

        void print() {
            double total = LongStream.of(nanos).sum();
            System.out.println("batch apply, where the time goes:");
            for (int i = 0; i < nanos.length; i++) {
                System.out.printf("  %-55s %6.1f s %5.1f%%%n", NAMES.get(i), nanos[i] / 1e9, 100 * nanos[i] / total);
            }
        }
    }

    /**
     * The version guard alone on this server: the same bulk replaces of every document of a collection of
     * {@code count}, by {@code _id} only, by {@code _id} and version, and by both with an index of exactly them.
     */
    private static void guardCost(MongoClient client, TestBed bed, int count) {
        System.out.printf("guard cost, bulk replaces of %,d documents in polls of %d:%n", count, POLL);
        for (String variant : List.of("_id only", "_id and version, no index of both", "_id and version, indexed")) {
            MongoCollection<Document> collection = client.getDatabase(bed.mongoDatabase() + "_guard_"
                    + variant.replaceAll("\\W", "")).getCollection("dossiers");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                docs.add(new Document("_id", "G" + i).append("version", 1L).append("obs", List.of("a", "b", "c")));
            }
            collection.insertMany(docs);
            if (variant.endsWith("indexed")) {
                collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            }
            long started = System.nanoTime();
            for (int from = 0; from < count; from += POLL) {
                List<WriteModel<Document>> replaces = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + POLL); i++) {
                    Document filter = new Document("_id", "G" + i);
                    if (!variant.equals("_id only")) {
                        filter.append("version", 1L);
                    }
                    replaces.add(new ReplaceOneModel<>(filter, new Document("_id", "G" + i).append("version", 2L)
                            .append("obs", List.of("a", "b", "c", "d"))));
                }
                collection.bulkWrite(replaces, new BulkWriteOptions().ordered(false));
            }
            System.out.printf("  %-40s %,10.0f replaces/s%n", variant, count / ((System.nanoTime() - started) / 1e9));
        }
    }

    private record Rates(long events, double batchSeconds, double baselineSeconds, double oneByOneSeconds) {
    }

    /** The same polls three ways, each into a database of its own on the one server. */
    private static Rates measure(MongoClient client, TestBed bed, String name, List<List<ConsumedEvent>> polls,
                                 PhaseClock phases) {
        long events = polls.stream().mapToLong(List::size).sum();
        Projection batched = new Projection(client.getDatabase(bed.mongoDatabase() + "_" + name + "_batch"), phases,
                Clock.systemUTC());
        double batch = timed(polls, poll -> {
            phases.start();
            batched.handler().handleBatch(poll);
            phases.end();
        });
        MongoCollection<Document> plain = client.getDatabase(bed.mongoDatabase() + "_" + name + "_plain")
                .getCollection("events");
        double baseline = timed(polls, poll -> upsertAll(plain, poll));
        double oneByOne = 0;
        if (ONE_BY_ONE) {
            Projection single = new Projection(client.getDatabase(bed.mongoDatabase() + "_" + name + "_single"));
            oneByOne = timed(polls, single::oneByOne);
        }
        return new Rates(events, batch, baseline, oneByOne);
    }

    /** One unordered bulk of upserts per poll: each event's id and time onto its dossier's document. */
    private static void upsertAll(MongoCollection<Document> collection, List<ConsumedEvent> poll) {
        List<WriteModel<Document>> upserts = new ArrayList<>(poll.size());
        for (ConsumedEvent e : poll) {
            upserts.add(new UpdateOneModel<>(Filters.eq("_id", e.event().subject()),
                    Updates.combine(Updates.push("events", new Document("id", e.event().id().toString())
                            .append("type", e.event().type()).append("at", Date.from(e.event().time().toInstant()))),
                            Updates.inc("n", 1)), new UpdateOptions().upsert(true)));
        }
        collection.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
    }

    private static List<List<ConsumedEvent>> polls(String prefix, int dossiers) {
        List<Events.Outgoing> events = new ArrayList<>(Events.of(new HistoryGenerator(2026, NOW)
                .generate(prefix, dossiers)));
        // A dossier's steps lie days apart: a poll holds events of many dossiers, seldom two of one.
        Collections.shuffle(events, new Random(7));
        List<ConsumedEvent> all = Projection.consumed(events);
        List<List<ConsumedEvent>> polls = new ArrayList<>();
        for (int from = 0; from < all.size(); from += POLL) {
            polls.add(all.subList(from, Math.min(all.size(), from + POLL)));
        }
        return polls;
    }

    private static double timed(List<List<ConsumedEvent>> polls, Consumer<List<ConsumedEvent>> apply) {
        long started = System.nanoTime();
        polls.forEach(apply);
        return (System.nanoTime() - started) / 1e9;
    }

    private StatsApplyBenchmark() {
    }
}
