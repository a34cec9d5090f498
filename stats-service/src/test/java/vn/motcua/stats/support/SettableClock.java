package vn.motcua.stats.support;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import vn.motcua.stats.period.Period;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The service's clock in tests: real time until a test sets it. A fake clock, not a mock of a component. */
@Mock
@Singleton
public class SettableClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant now) {
        this.fixed = now;
    }

    @Override
    public ZoneId getZone() {
        return Period.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the suite runs in Asia/Ho_Chi_Minh");
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }
}
