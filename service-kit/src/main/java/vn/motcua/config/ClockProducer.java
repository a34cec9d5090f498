package vn.motcua.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.calendar.VietnamTime;

import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of every service: each "now" comes from here, so tests and demos can move time (a test replaces it
 * with an {@code @io.quarkus.test.Mock} bean of its own, e.g. a subclass of the testkit's SettableClock).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        // Whole microseconds, what PostgreSQL keeps: an instant sent in an event equals the one read back from a
        // database (an alert's due instant must be one its dossier's events carry, to the microsecond).
        return Clock.tick(Clock.system(VietnamTime.ZONE), Duration.ofNanos(1_000));
    }
}
