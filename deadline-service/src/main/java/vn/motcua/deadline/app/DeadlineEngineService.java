package vn.motcua.deadline.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.deadline.store.DeadlineStore;

import java.time.Clock;
import java.util.UUID;

/**
 * Runs this instance's {@link DeadlineEngine} for the application and drives its alert tick. Kafka comes in through
 * the {@link DossierFeeds} port, which messaging implements; the consumer's health checks ask messaging.
 */
@Startup
@Singleton
public class DeadlineEngineService {

    private static final Logger LOG = Logger.getLogger(DeadlineEngineService.class);

    private final EngineSettings settings;
    private final DossierFeeds feeds;
    private final DeadlineStore store;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Counter alertsSent;
    private final MeterRegistry meters;

    private volatile DeadlineEngine engine;

    public DeadlineEngineService(EngineSettings settings, DossierFeeds feeds, DeadlineStore store, Clock clock, Scheduler scheduler, MeterRegistry meters) {
        this.settings = settings;
        this.feeds = feeds;
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
        engine = DeadlineEngine.start(settings, feeds, instance, store, clock);
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

    @PreDestroy
    void stop() {
        DeadlineEngine running = engine;
        engine = null;
        if (running != null) {
            running.close();
        }
    }
}
