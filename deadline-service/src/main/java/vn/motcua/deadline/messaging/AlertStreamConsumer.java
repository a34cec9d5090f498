package vn.motcua.deadline.messaging;

import io.smallrye.common.annotation.Identifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.app.LiveAlerts;
import vn.motcua.events.EventCodec;
import vn.motcua.kafka.ConsumerLoopHealth;
import vn.motcua.kafka.EventConsumerLoop;
import vn.motcua.kafka.KafkaClients;

import java.util.Map;
import java.util.UUID;

/**
 * Reads the deadline-alerts topic for the SSE streams, so supervisors connected to any instance see the alerts of
 * every instance; it hands them to the {@link LiveAlerts} port (the streams are api's). A group of its own per
 * instance, starting at the end: a stream shows what happens from now.
 */
@Startup
@Singleton
public class AlertStreamConsumer {

    private final LiveAlerts streams;
    private final Map<String, Object> kafkaConfig;
    private final String alertsTopic;
    private final MeterRegistry meters;

    private FeedLoop feed;

    public AlertStreamConsumer(LiveAlerts streams, TopicsConfig topics,
                           @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           MeterRegistry meters) {
        this.streams = streams;
        this.meters = meters;
        this.kafkaConfig = kafkaConfig;
        this.alertsTopic = topics.deadlineAlerts();
    }

    @PostConstruct
    void start() {
        String name = "deadline-stream-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> config = KafkaClients.consumerConfig(kafkaConfig, name);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        feed = FeedLoop.start(name, "alert-stream", kafkaConfig, config, alertsTopic, (event, record) -> {
            if (event.isAlert()) {
                streams.broadcast(event, EventCodec.alertData(event));
            }
        }, meters);
    }

    /** True once every partition of the alerts topic is assigned and read to its end: new alerts will be seen. */
    public boolean isLive() {
        return ConsumerLoopHealth.caughtUp(loop());
    }

    EventConsumerLoop loop() {
        return feed.loop();
    }

    @PreDestroy
    void stop() {
        feed.close();
    }
}
