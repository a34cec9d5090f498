package vn.motcua.deadline.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.deadline.alert.DueSoonPolicy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

/** Runs this instance's {@link DeadlineEngine} for the application and drives its alert tick. */
@Startup
@ApplicationScoped
public class DeadlineEngineService {

    private static final Logger LOG = Logger.getLogger(DeadlineEngineService.class);

    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "motcua.topics.dossier-events")
    String dossierEventsTopic;
    @ConfigProperty(name = "motcua.topics.deadline-alerts")
    String alertsTopic;
    @ConfigProperty(name = "motcua.consumer.group", defaultValue = "deadline-service")
    String consumerGroup;
    @ConfigProperty(name = "motcua.alerts.due-soon-lead")
    Optional<Duration> dueSoonLead;
    @ConfigProperty(name = "motcua.alerts.due-soon-time", defaultValue = "07:30")
    LocalTime dueSoonTime;
    @ConfigProperty(name = "motcua.alerts.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    MeterRegistry meters;

    private volatile DeadlineEngine engine;
    private Counter alertsSent;

    @PostConstruct
    void start() {
        alertsSent = Counter.builder("motcua.deadline.alerts.sent").description("alerts published by this instance")
                .register(meters);
        DueSoonPolicy dueSoon = new DueSoonPolicy(dueSoonLead, dueSoonTime, clock.getZone());
        String instance = "deadline-" + UUID.randomUUID().toString().substring(0, 8);
        engine = DeadlineEngine.start(new EngineSettings(bootstrapServers, dossierEventsTopic, alertsTopic,
                consumerGroup, instance, dueSoon, batchSize), dataSource, clock);
    }

    @Scheduled(identity = "deadline-alert-tick", every = "${motcua.alerts.tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        DeadlineEngine running = engine;
        if (running == null) {
            return;
        }
        try {
            int sent = running.tick();
            if (sent > 0) {
                alertsSent.increment(sent);
            }
        } catch (RuntimeException e) {
            // Kafka or the database away: nothing was marked sent, the next tick tries again.
            LOG.warnf("alert tick failed, will retry: %s", e.getMessage());
        }
    }

    boolean isConsuming() {
        DeadlineEngine running = engine;
        return running != null && running.consumer().isRunning();
    }

    int partitionCount() {
        DeadlineEngine running = engine;
        return running == null ? 0 : running.consumer().assignment().size();
    }

    @PreDestroy
    void stop() {
        DeadlineEngine running = engine;
        engine = null;
        if (running != null) {
            running.close();
        }
    }
}
