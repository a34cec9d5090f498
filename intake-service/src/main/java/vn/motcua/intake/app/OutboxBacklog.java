package vn.motcua.intake.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.intake.store.OutboxRows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the outbox holds back, for {@code /q/metrics} ({@code motcua.outbox.backlog}, {@code
 * motcua.outbox.oldest.unsent.age} in seconds) and the outbox health check. One reading serves every caller for a
 * second, so frequent scrapes and health calls cost the database one cheap query a second at most.
 */
@ApplicationScoped
public class OutboxBacklog {

    /** Rows waiting for the broker, and how long the next one to go has waited (zero when none waits). */
    public record Reading(long rows, Duration oldestUnsentAge) {
    }

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final OutboxRows rows;
    private final Clock clock;
    private final MeterRegistry registry;
    private Optional<Reading> last = Optional.empty();
    private long readAtNanos;
    private boolean everRead;
    private List<Gauge> gauges = List.of();

    OutboxBacklog(OutboxRows rows, Clock clock, MeterRegistry registry) {
        this.rows = rows;
        this.clock = clock;
        this.registry = registry;
    }

    // Held strongly, and removed at shutdown: the registry may outlive this application (tests start several in
    // one JVM), and a gauge left behind would go on reading a stopped instance's database.
    void registerGauges(@Observes StartupEvent startup) {
        gauges = List.of(
                Gauge.builder("motcua.outbox.backlog", this, backlog -> backlog.gauge(reading -> reading.rows()))
                        .description("Outbox rows not yet acknowledged by Kafka").strongReference(true)
                        .register(registry),
                Gauge.builder("motcua.outbox.oldest.unsent.age", this,
                                backlog -> backlog.gauge(reading -> reading.oldestUnsentAge().toMillis() / 1000.0))
                        .baseUnit("seconds").description("Time since the oldest unsent outbox row was written; 0 when none")
                        .strongReference(true).register(registry));
    }

    void removeGauges(@Observes ShutdownEvent shutdown) {
        gauges.forEach(registry::remove);
    }

    /** The reading of the last second; empty when the database did not answer. */
    public synchronized Optional<Reading> current() {
        if (!everRead || System.nanoTime() - readAtNanos >= FRESH_FOR.toNanos()) {
            last = readNow();
            // Timed after the read: a database that takes seconds to fail is asked again a second later, not at once.
            readAtNanos = System.nanoTime();
            everRead = true;
        }
        return last;
    }

    private Optional<Reading> readNow() {
        try {
            OutboxRows.Backlog backlog = rows.backlog();
            Duration age = backlog.oldestUnsentWrittenAt()
                    .map(writtenAt -> Duration.between(writtenAt, clock.instant()))
                    .filter(waited -> !waited.isNegative()).orElse(Duration.ZERO);
            return Optional.of(new Reading(backlog.rows(), age));
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not read: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** NaN, Prometheus' "unknown", while the database does not answer. */
    private double gauge(java.util.function.ToDoubleFunction<Reading> value) {
        return current().map(value::applyAsDouble).orElse(Double.NaN);
    }
}
