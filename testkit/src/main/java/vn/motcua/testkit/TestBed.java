package vn.motcua.testkit;

import vn.motcua.infra.MongoService;
import vn.motcua.infra.PostgresService;
import vn.motcua.infra.KafkaService;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clean state on shared infrastructure: a namespace of its own that names fresh topics, a fresh PostgreSQL
 * database and a fresh MongoDB database, without restarting any server.
 */
public final class TestBed {

    public static final int PARTITIONS = 3;
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String namespace;
    private String jdbcUrl;

    private TestBed(String namespace) {
        this.namespace = namespace;
    }

    public static TestBed create() {
        String suffix = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return new TestBed("t" + COUNTER.incrementAndGet() + "_" + suffix.substring(0, Math.min(8, suffix.length())));
    }

    public String namespace() {
        return namespace;
    }

    public KafkaService kafka() {
        return Infrastructure.kafka();
    }

    /** A fresh topic {@code base.namespace} with {@value #PARTITIONS} partitions, and its dead-letter topic. */
    public String topic(String base) {
        String name = base + "." + namespace;
        kafka().createTopics(List.of(name, name + ".dlq"), PARTITIONS);
        return name;
    }

    /** A fresh compacted topic {@code base.namespace} and its dead-letter topic (for the catalogue). */
    public String compactedTopic(String base) {
        String name = base + "." + namespace;
        kafka().createCompactedTopic(name, PARTITIONS);
        kafka().createTopics(List.of(name + ".dlq"), PARTITIONS);
        return name;
    }

    public PostgresService postgres() {
        return Infrastructure.postgres();
    }

    /** The JDBC URL of this bed's own database, created on first use. */
    public synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            jdbcUrl = postgres().createDatabase(namespace);
        }
        return jdbcUrl;
    }

    public MongoService mongo() {
        return Infrastructure.mongo();
    }

    /** This bed's own MongoDB database name; MongoDB creates it on first write. */
    public String mongoDatabase() {
        return namespace;
    }
}
