package vn.motcua.deadline.app;

import vn.motcua.deadline.config.EngineSettings;
import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.store.DeadlineStore;

import java.time.Clock;

/**
 * One instance of the service's core, without Quarkus: the tracker fed by its dossier-events consumer, and the alert
 * tick gated on that consumer's partitions. The application runs one; the two-instance test runs several. Kafka is
 * behind the {@link DossierFeeds} port.
 */
public final class DeadlineEngine implements AutoCloseable {

    private final DossierFeed feed;
    private final AlertScanner scanner;
    private final Object ticking = new Object();
    private boolean closed;

    private DeadlineEngine(DossierFeed feed, AlertScanner scanner) {
        this.feed = feed;
        this.scanner = scanner;
    }

    /** @param instanceName the Kafka client id, to tell the instances apart in the group and the logs */
    public static DeadlineEngine start(EngineSettings settings, DossierFeeds feeds, String instanceName,
                                       DeadlineStore store, Clock clock) {
        AlertSchedule schedule = new AlertSchedule(settings.dueSoon());
        DossierFeed feed = feeds.connect(instanceName, new DeadlineTracker(store, schedule));
        AlertRecovery recovery = new AlertRecovery(store, feed.alerts(), clock, settings.alerts().publishLease());
        AlertScanner scanner = new AlertScanner(store, schedule, feed, recovery, clock, settings.alerts().batchSize());
        return new DeadlineEngine(feed, scanner);
    }

    /** One alert tick; answers the number of alerts sent. None once closed. */
    public int tick() {
        synchronized (ticking) {
            return closed ? 0 : scanner.tick();
        }
    }

    public DossierFeed feed() {
        return feed;
    }

    /**
     * Waits for a tick under way to end first, so that a shutdown does not cut one between recording its alerts and
     * marking them published (they would wait for the recovery's lease).
     */
    @Override
    public void close() {
        synchronized (ticking) {
            closed = true;
        }
        feed.close();
    }
}
