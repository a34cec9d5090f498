package vn.motcua.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.events.Topics;
import vn.motcua.infra.KafkaService;
import vn.motcua.testkit.Backends;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.kafka.EventConsumerLoopTest.awaitLatch;
import static vn.motcua.kafka.EventConsumerLoopTest.event;

/**
 * The consumer loop through a broker outage, on a broker of its own that the test suspends and restarts (a class of
 * its own so that it runs beside the other loop tests, which share the build's broker).
 */
class ConsumerLoopBrokerOutageTest {

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void theLoopOutlivesABrokerOutageAndHandlesWhatIsProducedOnceTheBrokerIsBack() throws Exception {
        KafkaService own = Backends.ownKafka();
        closeables.add(own);
        String outageTopic = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        own.createTopics(List.of(outageTopic, Topics.deadLetterTopic(outageTopic)), 3);
        Map<String, Object> producerConfig = new HashMap<>(KafkaClients.producerConfig(own.adminConnection()));
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        Producer<String, byte[]> ownProducer = new KafkaProducer<>(producerConfig);
        closeables.add(ownProducer);

        List<String> handled = new CopyOnWriteArrayList<>();
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean blockOnce = new AtomicBoolean(true);
        EventConsumerLoop loop = EventConsumerLoop.start("test-outage",
                KafkaClients.consumerConfig(own.adminConnection(), "outage-group"), List.of(outageTopic),
                (event, record) -> {
                    if (event.subject().equals("BLOCK") && blockOnce.getAndSet(false)) {
                        inHandler.countDown();
                        awaitLatch(release);
                    }
                    handled.add(event.subject());
                }, new DeadLetters(ownProducer, "test"));
        closeables.add(loop);

        ownProducer.send(new ProducerRecord<>(outageTopic, "K", event("BEFORE"))).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("BEFORE"));
        ownProducer.send(new ProducerRecord<>(outageTopic, "K", event("BLOCK"))).get(30, TimeUnit.SECONDS);
        assertThat(inHandler.await(60, TimeUnit.SECONDS)).isTrue();

        // The handler returns while the broker is away: the commit that follows cannot reach it.
        own.suspend();
        Instant released = Instant.now();
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                loop.lastPollAt().filter(polled -> polled.isAfter(released)).isPresent());
        // Sends while the broker is away wait for it only briefly (the shared producer would block 10 s on each).
        Map<String, Object> briefConfig = new HashMap<>(producerConfig);
        briefConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        try (Producer<String, byte[]> brief = new KafkaProducer<>(briefConfig)) {
            for (int i = 0; i < 3; i++) {
                brief.send(new ProducerRecord<>(outageTopic, "K" + i, event("DURING-" + i)));
            }
            brief.close(Duration.ZERO);
        }
        own.restart();

        List<String> after = List.of("AFTER-1", "AFTER-2", "AFTER-3", "AFTER-4");
        for (String code : after) {
            ownProducer.send(new ProducerRecord<>(outageTopic, code, event(code))).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> handled.containsAll(after));
        assertThat(handled).contains("BLOCK");
        assertThat(loop.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.isAlive(Duration.ofSeconds(5)));
    }
}
