package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.MalformedEventException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one consumer loop of the suite, on a thread of its own. For each record: parse it (unreadable: to the
 * dead-letter topic, and on), hand it to the {@link EventHandler}, and commit its offset only after the handler
 * returned, so a crash replays rather than loses. A handler failure pauses that partition at the failed record,
 * which is retried with a growing backoff and, after {@link RetryPolicy#maxAttempts()}, sent to the dead-letter
 * topic; other partitions go on meanwhile.
 *
 * <p>With a {@link BatchEventHandler}, the readable events of a poll (of the partitions not waiting to retry a
 * record) go to {@link BatchEventHandler#handleBatch} in one call and are committed after it returns; if it throws,
 * the loop goes through that poll's records one by one as above, so a poisoned record still ends in the dead-letter
 * topic after its attempts while the rest is handled.
 *
 * <p>Only {@link #close()} ends the loop. A failed commit is logged and the loop goes on (the uncommitted records
 * come again to whoever owns the partition; handlers are idempotent); a consumer that breaks is closed and a new
 * one joins the group with the same settings, after a backoff. An {@link Error} still ends the thread, which
 * {@link #isRunning()} and {@link #isAlive(Duration)} then report.
 */
public final class EventConsumerLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventConsumerLoop.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    /** Bounded so that a broker that is away cannot hold the loop (and its liveness) for the client default 60 s. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final RetryPolicy REJOIN = new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    private final String name;
    private final Map<String, Object> consumerConfig;
    private final Collection<String> topics;
    private final EventHandler handler;
    private final DeadLetters deadLetters;
    private final RetryPolicy retryPolicy;
    private final PartitionLag lag = new PartitionLag();
    private final RecordRetries retries = new RecordRetries();
    /** Partitions at a record that failed and is not settled yet: kept out of batches, which count no attempts. */
    private final Set<TopicPartition> retrying = new HashSet<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile long lastPollNanos = System.nanoTime();
    private volatile Instant lastPollAt;

    private EventConsumerLoop(String name, Map<String, Object> consumerConfig, Collection<String> topics,
                              EventHandler handler, DeadLetters deadLetters, RetryPolicy retryPolicy) {
        this.name = name;
        this.consumerConfig = Collections.unmodifiableMap(new HashMap<>(consumerConfig));
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retryPolicy = retryPolicy;
        this.thread = new Thread(this::run, name);
    }

    /** Subscribes with the given consumer settings (see {@link KafkaClients#consumerConfig}) and starts polling. */
    public static EventConsumerLoop start(String name, Map<String, Object> consumerConfig, Collection<String> topics,
                                          EventHandler handler, DeadLetters deadLetters) {
        return start(name, consumerConfig, topics, handler, deadLetters, RetryPolicy.DEFAULT);
    }

    /** As {@link #start(String, Map, Collection, EventHandler, DeadLetters)}, with its own bound on retries. */
    public static EventConsumerLoop start(String name, Map<String, Object> consumerConfig, Collection<String> topics,
                                          EventHandler handler, DeadLetters deadLetters, RetryPolicy retryPolicy) {
        EventConsumerLoop loop = new EventConsumerLoop(name, consumerConfig, topics, handler, deadLetters,
                retryPolicy);
        // The first consumer is made here so that bad settings fail the caller, not a thread nobody watches.
        loop.consumer = loop.subscribed(new KafkaConsumer<>(loop.consumerConfig));
        loop.thread.start();
        return loop;
    }

    /** Partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return lag.assignment();
    }

    /**
     * True when this instance owns the partition and, at its last poll, had processed everything the broker held
     * on it: nothing published there before that poll is still unread.
     */
    public boolean isCaughtUp(TopicPartition partition) {
        return lag.isCaughtUp(partition);
    }

    /**
     * Records not yet processed on each owned partition, as read at the loop's last poll (for gauges). A partition
     * whose lag has not been read yet since it was assigned is absent.
     */
    public Map<TopicPartition, Long> lag() {
        return lag.lag();
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** When a poll last returned; empty before the first one. */
    public Optional<Instant> lastPollAt() {
        return Optional.ofNullable(lastPollAt);
    }

    /** Milliseconds since a poll last returned (since the start before the first one). */
    public long millisSinceLastPoll() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastPollNanos);
    }

    /** For a liveness check: the thread runs and has completed a poll within {@code maxSilence}. */
    public boolean isAlive(Duration maxSilence) {
        return thread.isAlive() && millisSinceLastPoll() <= maxSilence.toMillis();
    }

    private void run() {
        try {
            pollUntilClosed();
        } finally {
            discardConsumer();
        }
    }

    private void pollUntilClosed() {
        int consumerFailures = 0;
        while (running) {
            try {
                if (consumer == null) {
                    consumer = subscribed(new KafkaConsumer<>(consumerConfig));
                }
                pollOnce();
                consumerFailures = 0;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                if (e instanceof WakeupException) {
                    LOG.log(System.Logger.Level.WARNING, name + " was woken up without being closed; polling on");
                    continue;
                }
                Duration wait = REJOIN.backoff(++consumerFailures);
                LOG.log(System.Logger.Level.WARNING, name + ": the consumer failed; a new one joins in " + wait, e);
                discardConsumer();
                pause(wait);
            }
        }
    }

    private Consumer<String, byte[]> subscribed(Consumer<String, byte[]> fresh) {
        fresh.subscribe(topics, new Rebalance());
        return fresh;
    }

    private void pollOnce() {
        resumeWhatIsDue();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        lastPollNanos = System.nanoTime();
        lastPollAt = Instant.now();
        processAndCommit(records);
        recordLag();
    }

    private void resumeWhatIsDue() {
        Set<TopicPartition> owned = consumer.assignment();
        List<TopicPartition> due = retries.due(System.nanoTime()).stream().filter(owned::contains).toList();
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    private void processAndCommit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
        lag.processing(records.partitions());
        List<TopicPartition> oneByOne = new ArrayList<>(records.partitions());
        // Records already sent to the dead-letter topic by a batch that then failed: not sent twice (identity).
        Set<ConsumerRecord<String, byte[]>> deadLettered = Collections.newSetFromMap(new IdentityHashMap<>());
        if (handler instanceof BatchEventHandler batchHandler) {
            // A partition retrying a record stays on the one-by-one path, where its attempts are counted.
            List<TopicPartition> batched = oneByOne.stream().filter(partition -> !retrying.contains(partition))
                    .toList();
            if (!batched.isEmpty() && settleBatch(batchHandler, records, batched, deadLettered)) {
                for (TopicPartition partition : batched) {
                    List<ConsumerRecord<String, byte[]>> handled = records.records(partition);
                    processed.put(partition, new OffsetAndMetadata(handled.get(handled.size() - 1).offset() + 1));
                }
                oneByOne.removeAll(batched);
            }
        }
        for (TopicPartition partition : oneByOne) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!deadLettered.contains(record) && !settle(partition, record)) {
                    break;
                }
                processed.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(processed);
    }

    /**
     * Reads the records of {@code partitions} (unreadable ones to the dead-letter topic, noted in
     * {@code deadLettered}) and hands the readable ones to the batch handler at once. False when anything of it
     * threw: the caller then settles the same records one by one. An {@link Error} is not caught: it ends the
     * thread, as on the one-by-one path.
     */
    private boolean settleBatch(BatchEventHandler batchHandler, ConsumerRecords<String, byte[]> records,
                                List<TopicPartition> partitions,
                                Set<ConsumerRecord<String, byte[]>> deadLettered) {
        List<ConsumedEvent> readable = new ArrayList<>();
        try {
            for (TopicPartition partition : partitions) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    Optional<CloudEvent> event = readOrDeadLetter(record);
                    if (event.isPresent()) {
                        readable.add(new ConsumedEvent(event.get(), record));
                    } else {
                        deadLettered.add(record);
                    }
                }
            }
            if (!readable.isEmpty()) {
                batchHandler.handleBatch(List.copyOf(readable));
            }
            return true;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, name + ": a batch of " + readable.size() + " events of " + partitions
                    + " failed; its records are handled one by one: " + e);
            return false;
        }
    }

    /** Returns true when the partition may move past the record: handled, or given up to the dead-letter topic. */
    private boolean settle(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        try {
            process(record);
            retries.settled(partition);
            retrying.remove(partition);
            return true;
        } catch (Exception e) {
            int attempts = retries.failed(partition, record.offset());
            if (attempts >= retryPolicy.maxAttempts() && giveUp(record, attempts, e)) {
                retries.settled(partition);
                retrying.remove(partition);
                return true;
            }
            retrying.add(partition);
            Duration wait = retryPolicy.backoff(attempts);
            LOG.log(System.Logger.Level.WARNING, name + ": " + partition + "@" + record.offset() + " failed (attempt "
                    + attempts + " of " + retryPolicy.maxAttempts() + "), retried in " + wait + ": " + e, e);
            // Paused, not slept on: the other partitions keep flowing while this one waits.
            consumer.seek(partition, record.offset());
            consumer.pause(List.of(partition));
            retries.waitUntil(partition, System.nanoTime() + wait.toNanos());
            return false;
        }
    }

    private boolean giveUp(ConsumerRecord<String, byte[]> record, int attempts, Exception failure) {
        String reason = "handler failed " + attempts + " attempts: " + failure;
        try {
            deadLetter(record, reason);
            return true;
        } catch (Exception e) {
            // Nothing is dropped: the record stays where it is and is tried again after the longest backoff.
            LOG.log(System.Logger.Level.WARNING, name + ": could not dead-letter " + record.topic() + "/"
                    + record.partition() + "@" + record.offset() + ": " + e);
            return false;
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> processed) {
        if (processed.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(processed, COMMIT_TIMEOUT);
        } catch (Exception e) {
            // Rebalance, broker away, wakeup on close: the records come again to the partition's owner, whose
            // handler is idempotent; a later commit of this partition covers these offsets too.
            if (running) {
                LOG.log(System.Logger.Level.WARNING, name + ": commit of " + processed + " failed; the records will"
                        + " be delivered again: " + e);
            }
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        Optional<CloudEvent> event = readOrDeadLetter(record);
        if (event.isEmpty()) {
            return;
        }
        try {
            handler.handle(event.get(), record);
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
        }
    }

    /** The record's event; empty once an unreadable record is in the dead-letter topic. */
    private Optional<CloudEvent> readOrDeadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(EventCodec.read(record.value()));
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
            return Optional.empty();
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.log(System.Logger.Level.WARNING, name + ": " + record.topic() + "/" + record.partition() + "@"
                + record.offset() + " to the dead-letter topic: " + reason);
        deadLetters.send(record, reason);
    }

    private void recordLag() {
        for (TopicPartition partition : consumer.assignment()) {
            lag.observed(partition, consumer.currentLag(partition));
        }
    }

    /** Closes the consumer and lets go of what it owned; the next consumer starts from the committed offsets. */
    private void discardConsumer() {
        Consumer<String, byte[]> old = consumer;
        if (old == null) {
            return;
        }
        try {
            old.close(CLOSE_TIMEOUT);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, name + ": the consumer did not close cleanly: " + e);
        }
        consumer = null;
        retries.clear();
        retrying.clear();
        // A broken consumer may close without calling the rebalance listener; the handler must still let go.
        Set<TopicPartition> stillOwned = lag.assignment();
        if (!stillOwned.isEmpty()) {
            lag.revoked(stillOwned);
            try {
                handler.partitionsRevoked(stillOwned);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, name + ": handler failed to let go of " + stillOwned, e);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Only close() ends the loop; an interrupt from elsewhere just cuts the wait short.
            LOG.log(System.Logger.Level.WARNING, name + " was interrupted; going on");
        }
    }

    /** Stops polling and waits for the thread; what was processed is already committed. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            lag.revoked(partitions);
            retries.forget(partitions);
            retrying.removeAll(partitions);
            handler.partitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            lag.assigned(partitions);
            handler.partitionsAssigned(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
