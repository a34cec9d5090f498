package vn.motcua.events.kafka;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one consumer loop of the suite, on a thread of its own. For each record: parse it (unreadable: to the
 * dead-letter topic, and on), hand it to the {@link EventHandler}, and commit its offset only after the handler
 * returned, so a crash replays rather than loses. A handler failure stops that partition at the failed record,
 * which is retried after a pause; other partitions go on.
 */
public final class EventConsumerLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventConsumerLoop.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final Collection<String> topics;
    private final EventHandler handler;
    private final DeadLetters deadLetters;
    private final Map<TopicPartition, OptionalLong> lag = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private EventConsumerLoop(String name, Consumer<String, byte[]> consumer, Collection<String> topics,
                              EventHandler handler, DeadLetters deadLetters) {
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this::run, name);
    }

    /** Subscribes with the given consumer settings (see {@link KafkaClients#consumerConfig}) and starts polling. */
    public static EventConsumerLoop start(String name, Map<String, Object> consumerConfig, Collection<String> topics,
                                          EventHandler handler, DeadLetters deadLetters) {
        EventConsumerLoop loop = new EventConsumerLoop(name, new KafkaConsumer<>(consumerConfig), topics, handler,
                deadLetters);
        loop.thread.start();
        return loop;
    }

    /** Partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(lag.keySet());
    }

    /**
     * True when this instance owns the partition and, at its last poll, had processed everything the broker held
     * on it: nothing published there before that poll is still unread.
     */
    public boolean isCaughtUp(TopicPartition partition) {
        OptionalLong behind = lag.get(partition);
        return behind != null && behind.isPresent() && behind.getAsLong() == 0;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                boolean failed = processAndCommit(records);
                recordLag();
                if (failed) {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (running) {
                LOG.log(System.Logger.Level.ERROR, name + " stopped unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, name + " stopped on an error", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Returns true when some partition stopped at a failed record. */
    private boolean processAndCommit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
        boolean failed = false;
        // A partition with records in hand is not caught up until they are processed and its lag is read again;
        // otherwise isCaughtUp would answer from the previous poll while this batch is half applied.
        for (TopicPartition partition : records.partitions()) {
            lag.replace(partition, OptionalLong.empty());
        }
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    process(record);
                    processed.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, name + ": " + partition + "@" + record.offset()
                            + " failed and will be retried: " + e, e);
                    consumer.seek(partition, record.offset());
                    failed = true;
                    break;
                }
            }
        }
        if (!processed.isEmpty()) {
            consumer.commitSync(processed);
        }
        return failed;
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = EventCodec.read(record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, e);
            return;
        }
        try {
            handler.handle(event, record);
        } catch (MalformedEventException e) {
            deadLetter(record, e);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, MalformedEventException e) {
        LOG.log(System.Logger.Level.WARNING, name + ": " + record.topic() + "/" + record.partition() + "@"
                + record.offset() + " to the dead-letter topic: " + e.getMessage());
        deadLetters.send(record, e.getMessage());
    }

    private void recordLag() {
        for (TopicPartition partition : consumer.assignment()) {
            lag.put(partition, consumer.currentLag(partition));
        }
    }

    /** Stops polling and waits for the thread; what was processed is already committed. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(lag::remove);
            handler.partitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> lag.put(partition, OptionalLong.empty()));
            handler.partitionsAssigned(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
