package vn.motcua.testkit;

import vn.motcua.calendar.VietnamTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that tests set and move: time is an input of the rules, not infrastructure. Real time until set. A
 * Quarkus test makes it the service's clock with a subclass annotated {@code @io.quarkus.test.Mock @Singleton}.
 */
public class SettableClock extends Clock {

    private volatile Instant fixed;

    public SettableClock() {
    }

    public SettableClock(Instant start) {
        this.fixed = start;
    }

    public void set(Instant now) {
        this.fixed = now;
    }

    /** Moves a set clock forward; a clock that follows real time is first pinned to now. */
    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    /** Back to real time. */
    public void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return VietnamTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the suite runs in " + VietnamTime.ZONE);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }
}
