package vn.motcua.intake.messaging;

import io.smallrye.common.annotation.Identifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.ConsumerLoopHealth;
import vn.motcua.kafka.DeadLetters;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.intake.app.CalendarChanges;
import vn.motcua.intake.app.CatalogueUpdates;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Every intake instance reads the catalogue topic, in a consumer group of its own so that each one sees every change
 * (a shared group would hand each change to one instance only). A new group reads from the beginning: the compacted
 * topic is small, and nothing published while the consumer was joining can be missed; repeats change nothing.
 */
@ApplicationScoped
public class CatalogueConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueConsumer.class);
    /** Startup waits this long for the topic to be read once, so the instance is ready when it has started. */
    private static final Duration FIRST_READ = Duration.ofSeconds(10);

    private final CatalogueEventHandler handler;
    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private Producer<String, byte[]> deadLetterProducer;
    private volatile EventConsumerLoop loop;
    private ConsumerLoopGauges gauges;

    CatalogueConsumer(CatalogueUpdates catalogue, CalendarChanges calendars, TopicsConfig topics,
                      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters) {
        this.handler = new CatalogueEventHandler(catalogue, calendars);
        this.topic = topics.catalogue();
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
    }

    void start(@Observes StartupEvent startup) {
        String group = "intake-catalogue-" + UUID.randomUUID();
        deadLetterProducer = new KafkaProducer<>(KafkaClients.producerConfig(kafkaConfig));
        loop = EventConsumerLoop.start("intake-catalogue-consumer",
                KafkaClients.consumerConfig(kafkaConfig, group), List.of(topic), handler,
                new DeadLetters(deadLetterProducer, "intake-service"));
        gauges = ConsumerLoopGauges.bind(meters, "catalogue", loop);
        if (!awaitFirstRead()) {
            LOG.warnf("the catalogue topic %s was not read within %s; starting on the catalogue in the database",
                    topic, FIRST_READ);
        }
    }

    private boolean awaitFirstRead() {
        long deadline = System.nanoTime() + FIRST_READ.toNanos();
        try {
            while (!ConsumerLoopHealth.caughtUp(loop) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ConsumerLoopHealth.caughtUp(loop);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (gauges != null) {
            gauges.close();
        }
        if (loop != null) {
            loop.close();
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    /** The loop, for its health checks; null before the start. */
    EventConsumerLoop loop() {
        return loop;
    }
}
