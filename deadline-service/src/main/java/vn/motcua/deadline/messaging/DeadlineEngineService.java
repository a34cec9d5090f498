package vn.motcua.deadline.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.config.TopicsConfig;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.kafka.ConsumerLoopGauges;
import vn.motcua.kafka.EventConsumerLoop;

import java.time.Clock;
import java.util.UUID;

/** Runs this instance's {@link DeadlineEngine} for the application and drives its alert tick. */
@Startup
@Singleton
public class DeadlineEngineService {

    private static final Logger LOG = Logger.getLogger(DeadlineEngineService.class);

    private final EngineSettings settings;
    private final TopicsConfig topics;
    private final String bootstrapServers;
    private final DeadlineStore store;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Counter alertsSent;
    private final MeterRegistry meters;

    private volatile DeadlineEngine engine;
    private ConsumerLoopGauges gauges;

    public DeadlineEngineService(EngineSettings settings, TopicsConfig topics,
                                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                 DeadlineStore store, Clock clock, Scheduler scheduler, MeterRegistry meters) {
        this.settings = settings;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
        this.meters = meters;
        this.alertsSent = Counter.builder("motcua.deadline.alerts.sent").description("alerts published by this instance")
                .register(meters);
    }

    @PostConstruct
    void start() {
        String instance = "deadline-" + UUID.randomUUID().toString().substring(0, 8);
        engine = DeadlineEngine.start(settings, topics, bootstrapServers, instance, store, clock);
        gauges = ConsumerLoopGauges.bind(meters, "dossier-events", engine.consumer());
        // Scheduled here rather than by annotation so that the interval is the typed motcua.alerts.tick.
        scheduler.newJob("deadline-alert-tick")
                .setInterval(settings.alerts().tick().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> tick())
                .schedule();
    }

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
            // Kafka or the database away: what was recorded but not acknowledged stays unpublished, and the
            // recovery of a later tick settles it once its lease is over (AlertRecovery).
            LOG.warnf("alert tick failed, will retry: %s", e.getMessage());
        }
    }

    /** The dossier-events loop, for its health; null before the start and after the stop. */
    EventConsumerLoop consumer() {
        DeadlineEngine running = engine;
        return running == null ? null : running.consumer();
    }

    @PreDestroy
    void stop() {
        DeadlineEngine running = engine;
        engine = null;
        if (gauges != null) {
            gauges.close();
        }
        if (running != null) {
            running.close();
        }
    }
}
