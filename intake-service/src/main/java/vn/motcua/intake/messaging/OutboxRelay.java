package vn.motcua.intake.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.intake.config.OutboxConfig;
import vn.motcua.intake.store.OutboxRows;
import vn.motcua.intake.store.OutboxWritten;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in id order, each to its stream's topic ({@code dossier-events} keyed by dossier code,
 * {@code catalogue} keyed {@code unit:<code>}, {@code procedure:<code>}, {@code calendar:<year>}), and marks them sent
 * only after the broker acknowledged them. One relay at a time across instances (a PostgreSQL advisory lock), so the
 * per-key order of the rows is the order on the topic. Woken right after each commit; polls every second too.
 * Kafka away: the relay retries, and intake goes on accepting dossiers. Every finished cycle, sent or not, is a
 * heartbeat for {@link OutboxRelayLiveness}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRows rows;
    private final String bootstrapServers;
    private final TopicsConfig topics;
    private final int batchSize;
    private final Semaphore wakeUp = new Semaphore(0);
    private final RelayHeartbeat heartbeat;
    private volatile boolean running;
    private volatile Thread thread;
    private Producer<String, byte[]> producer;

    OutboxRelay(OutboxRows rows, OutboxConfig config, TopicsConfig topics,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.rows = rows;
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.batchSize = config.batchSize();
        this.heartbeat = new RelayHeartbeat(config.stallAfter(), System.nanoTime());
    }

    void start(@Observes StartupEvent startup) {
        // Fail a send within seconds when Kafka is away, and try again from the same row.
        producer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrapServers));
        startRelaying();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopRelaying();
        producer.close(Duration.ofSeconds(5));
    }

    /** Starts the relay's thread; package-private so that a test may start it again after {@link #stopRelaying}. */
    synchronized void startRelaying() {
        heartbeat.beat(System.nanoTime());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.start();
    }

    /** Ends the relay's thread after its current cycle (a test stops it to see liveness turn DOWN). */
    synchronized void stopRelaying() {
        running = false;
        wakeUp.release();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the relay's thread runs. */
    boolean isRelaying() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    /** How long ago the relay last finished a cycle (or started), and whether that is too long. */
    RelayHeartbeat heartbeat() {
        return heartbeat;
    }

    /** Right after a commit that wrote outbox rows (at once for a writer without a JTA transaction). */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void run() {
        // A thread started again by a test must not share the loop with one that has not ended yet.
        while (running && thread == Thread.currentThread()) {
            boolean failed = false;
            int published = 0;
            try {
                published = QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch);
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay: %s; retrying in a second", e.getMessage());
                failed = true;
            }
            // Every finished cycle counts, sent or not: with Kafka or the database away the relay is still alive.
            heartbeat.beat(System.nanoTime());
            try {
                if (failed) {
                    Thread.sleep(1_000);
                } else if (published < batchSize) {
                    wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One batch in one transaction; answers how many rows were marked sent. */
    int publishBatch() {
        if (!rows.lockForRelay()) {
            return 0;
        }
        List<OutboxRows.Unsent> batch = rows.unsent(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<?>> acks = new ArrayList<>(batch.size());
        for (OutboxRows.Unsent row : batch) {
            Future<?> ack;
            try {
                ack = producer.send(new ProducerRecord<>(topicOf(row.stream()), row.key(),
                        row.payload().getBytes(StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                break;
            }
            acks.add(ack);
            // Kafka away: the first send fails after max.block.ms; do not wait that long for every row.
            if (ack.isDone() && !acknowledged(ack)) {
                break;
            }
        }
        producer.flush();
        // Mark the acknowledged prefix only: a row after a failed one is sent again, never reordered past it.
        List<Long> sentIds = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size() && acknowledged(acks.get(i)); i++) {
            sentIds.add(batch.get(i).id());
        }
        int sent = sentIds.size();
        if (sent > 0) {
            rows.markSent(sentIds);
        }
        if (sent < batch.size()) {
            LOG.warnf("outbox relay: %d of %d events acknowledged; the rest go again", sent, batch.size());
        }
        return sent;
    }

    private String topicOf(OutboxRows.Stream stream) {
        return switch (stream) {
            case DOSSIER_EVENTS -> topics.dossierEvents();
            case CATALOGUE -> topics.catalogue();
        };
    }

    private static boolean acknowledged(Future<?> ack) {
        try {
            ack.get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
