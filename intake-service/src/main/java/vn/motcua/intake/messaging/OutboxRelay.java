package vn.motcua.intake.messaging;

import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.intake.app.OutboxDelivery;
import vn.motcua.intake.app.OutboxPublisher;
import vn.motcua.intake.config.OutboxConfig;
import vn.motcua.intake.domain.OutboxStream;
import vn.motcua.intake.domain.OutboxWritten;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The outbox relay's thread and its Kafka producer: each row goes to its stream's topic ({@code dossier-events} keyed
 * by dossier code, {@code catalogue} keyed {@code unit:<code>}, {@code procedure:<code>}, {@code calendar:<year>}).
 * The claim of the rows, their order and their marking belong to {@link OutboxDelivery}, which calls back
 * {@link #publish} inside its transaction. Woken right after each commit; polls every second too. Kafka away: the
 * relay retries, and intake goes on accepting dossiers. Every finished cycle, sent or not, is a heartbeat for
 * {@link OutboxRelayLiveness}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxDelivery delivery;
    private final Map<String, Object> kafkaConfig;
    private final TopicsConfig topics;
    private final int batchSize;
    private final Semaphore wakeUp = new Semaphore(0);
    private final RelayHeartbeat heartbeat;
    private volatile boolean running;
    private volatile Thread thread;
    private Producer<String, byte[]> producer;

    OutboxRelay(OutboxDelivery delivery, OutboxConfig config, TopicsConfig topics,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.delivery = delivery;
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.batchSize = config.batchSize();
        this.heartbeat = new RelayHeartbeat(config.stallAfter(), System.nanoTime());
    }

    void start(@Observes StartupEvent startup) {
        // Fail a send within seconds when Kafka is away, and try again from the same row.
        producer = new KafkaProducer<>(KafkaClients.producerConfig(kafkaConfig));
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
                published = delivery.deliverBatch(batchSize, this::publish);
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

    /** Sends in order, stopping at the first failure; answers how many from the first the broker acknowledged. */
    private int publish(List<OutboxPublisher.Event> events) {
        List<Future<?>> acks = new ArrayList<>(events.size());
        for (OutboxPublisher.Event event : events) {
            Future<?> ack;
            try {
                ack = producer.send(new ProducerRecord<>(topicOf(event.stream()), event.key(),
                        event.payload().getBytes(StandardCharsets.UTF_8)));
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
        int acknowledged = 0;
        while (acknowledged < acks.size() && acknowledged(acks.get(acknowledged))) {
            acknowledged++;
        }
        return acknowledged;
    }

    private String topicOf(OutboxStream stream) {
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
